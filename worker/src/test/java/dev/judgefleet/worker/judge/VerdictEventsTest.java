package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.model.Diagnostics;
import dev.judgefleet.model.JudgedBy;
import dev.judgefleet.model.TestResult;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.worker.sandbox.CapturedOutput;
import dev.judgefleet.worker.sandbox.RunResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VerdictEventsTest {
  private static VerdictEvents.Context context(boolean echo) {
    return new VerdictEvents.Context(
        "s-1", 1, "j-1", "p", "c", new JudgedBy("n", 0, "v"), null, Map.of(), echo);
  }

  private static CapturedOutput captured(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new CapturedOutput(null, bytes.length, false, bytes);
  }

  /** A stream of {@code size} bytes of which the sandbox kept the usual 64 KiB head. */
  private static CapturedOutput big(long size) {
    byte[] head = new byte[(int) Math.min(size, 64 * 1024)];
    Arrays.fill(head, (byte) 'x');
    return new CapturedOutput(null, size, false, head);
  }

  private static TestOutcome outcome(String name, RunResult run) {
    TestOutcome base = JudgeFixtures.outcome(name, Verdict.AC);
    return new TestOutcome(
        base.test(),
        base.group(),
        base.verdict(),
        run,
        base.check(),
        base.cpuNanos(),
        base.wallNanos(),
        base.memoryBytes(),
        base.passes(),
        base.score(),
        base.scoreMultiplier());
  }

  private static List<TestResult> tests(List<TestOutcome> outcomes, boolean echo) {
    JudgeResult result =
        new JudgeResult(
            Verdict.AC,
            "",
            null,
            outcomes,
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            List.of(),
            Map.of(),
            Duration.ofSeconds(1),
            "v1",
            Duration.ofMillis(10));
    VerdictEvent event = VerdictEvents.of(result, context(echo));
    return event.tests();
  }

  @Test
  void inlineTestsEchoWhatTheProgramPrinted() {
    TestResult t =
        tests(
                List.of(
                    outcome("inline/a", JudgeFixtures.printed(captured("3\n"), captured("hi")))),
                true)
            .get(0);
    assertEquals("3\n", t.stdout());
    assertEquals("hi", t.stderr());
    assertEquals(false, t.outputTruncated());
  }

  @Test
  void aProblemsOwnTestsNeverEchoTheirOutput() {
    TestResult t =
        tests(
                List.of(outcome("secret/1", JudgeFixtures.printed(captured("42\n"), captured("")))),
                false)
            .get(0);
    assertNull(t.stdout());
    assertNull(t.stderr());
    assertNull(t.outputTruncated());
  }

  @Test
  void aLongOutputIsCutAndSaysSo() {
    TestResult t =
        tests(List.of(outcome("inline/a", JudgeFixtures.printed(big(1 << 20), captured("")))), true)
            .get(0);
    assertEquals(64 * 1024, t.stdout().length());
    assertTrue(t.outputTruncated());
  }

  @Test
  void manyTestsShareOneBudgetSoTheVerdictStaysSmall() {
    List<TestOutcome> outcomes =
        IntStream.range(0, 32)
            .mapToObj(
                i -> outcome("inline/" + i, JudgeFixtures.printed(big(1 << 20), big(1 << 20))))
            .toList();
    List<TestResult> tests = tests(outcomes, true);
    long echoed = tests.stream().mapToLong(t -> t.stdout().length() + t.stderr().length()).sum();
    assertTrue(echoed <= VerdictEvents.ECHO_BUDGET_BYTES, echoed + " bytes echoed");
    assertTrue(tests.stream().allMatch(TestResult::outputTruncated));
    assertFalse(tests.get(31).stdout().isEmpty(), "the last test gets its share too");
  }

  @Test
  void theFirstFailingTestIsDescribedForTheJuryOnly() {
    RunResult crashed =
        new RunResult(
            dev.judgefleet.worker.sandbox.RunStatus.RE,
            dev.judgefleet.worker.sandbox.RunCause.EXIT_CODE,
            1,
            null,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofMillis(5),
            Duration.ofMillis(6),
            1 << 20,
            false,
            1,
            CapturedOutput.NONE,
            big(10_000),
            Duration.ZERO,
            null,
            null,
            1);
    TestOutcome ok = JudgeFixtures.outcome("sample/1", Verdict.AC);
    TestOutcome re = outcome("sample/2", crashed);
    TestOutcome reVerdict =
        new TestOutcome(
            re.test(),
            re.group(),
            Verdict.RE,
            crashed,
            null,
            0,
            0,
            0,
            1,
            re.score(),
            re.scoreMultiplier());
    JudgeResult result =
        new JudgeResult(
            Verdict.RE,
            "",
            null,
            List.of(ok, reVerdict),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            List.of(),
            Map.of(),
            Duration.ofSeconds(1),
            "v1",
            Duration.ofMillis(10));
    VerdictEvent event = VerdictEvents.of(result, context(false));
    assertEquals(Diagnostics.JURY, event.diagnostics().audience());
    assertEquals("sample/2", event.diagnostics().test());
    assertEquals(Verdict.RE, event.diagnostics().verdict());
    assertEquals(1, event.diagnostics().exitCode());
    assertEquals("exit code 1", event.diagnostics().runMessage());
    assertEquals(Diagnostics.STDERR_BYTES, event.diagnostics().stderr().length());
    assertNull(event.reason(), "a reason only for IE");
    // The problem's test data never reaches the contestant-facing per-test results.
    assertTrue(event.tests().stream().allMatch(t -> t.stderr() == null));
  }

  @Test
  void anAcceptedVerdictHasNoDiagnostics() {
    JudgeResult result =
        new JudgeResult(
            Verdict.AC,
            "",
            null,
            List.of(JudgeFixtures.outcome("sample/1", Verdict.AC)),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            List.of(),
            Map.of(),
            Duration.ofSeconds(1),
            "v1",
            Duration.ofMillis(10));
    assertNull(VerdictEvents.of(result, context(false)).diagnostics());
  }
}
