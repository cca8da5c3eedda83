package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictReason;
import dev.judgefleet.worker.sandbox.RunCause;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whose fault an IE is, one row per way a judging can end in IE. */
class VerdictReasonsTest {
  private static final RunResult SANDBOX_FAILED =
      JudgeFixtures.run(RunStatus.IE, RunCause.SETUP, null, null);
  private static final RunResult RAN = JudgeFixtures.run(RunStatus.OK, RunCause.NONE, 0, null);

  private static JudgeResult result(Verdict verdict, CompiledProgram compile, TestOutcome... t) {
    return new JudgeResult(
        verdict,
        "",
        compile,
        List.of(t),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        List.of(),
        Map.of(),
        Duration.ofSeconds(1),
        "v1",
        Duration.ofMillis(10));
  }

  private static TestOutcome failed(RunResult run, CheckResult check) {
    TestOutcome base = JudgeFixtures.outcome("secret/1", Verdict.IE);
    return new TestOutcome(
        base.test(),
        base.group(),
        Verdict.IE,
        run,
        check,
        0,
        0,
        0,
        1,
        base.score(),
        base.scoreMultiplier());
  }

  private static CompiledProgram compiled(RunResult compile) {
    return new CompiledProgram(null, "main", "main.c", compile, "");
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("accepted", result(Verdict.AC, null), null),
        Arguments.of(
            "wrong answer",
            result(Verdict.WA, null, JudgeFixtures.outcome("secret/1", Verdict.WA)),
            null),
        Arguments.of(
            "the compile's sandbox failed",
            result(Verdict.IE, compiled(SANDBOX_FAILED)),
            VerdictReason.SANDBOX_FAILURE),
        Arguments.of(
            "a test's sandbox failed",
            result(Verdict.IE, compiled(RAN), failed(SANDBOX_FAILED, null)),
            VerdictReason.SANDBOX_FAILURE),
        Arguments.of(
            "the validator crashed",
            result(
                Verdict.IE,
                compiled(RAN),
                failed(RAN, CheckResult.internalError("output validator RE (SIGSEGV)"))),
            VerdictReason.BROKEN_PROBLEM),
        Arguments.of(
            "the validator's own sandbox failed",
            result(
                Verdict.IE,
                compiled(RAN),
                failed(
                    RAN,
                    CheckResult.internalError(VerdictReason.SANDBOX_FAILURE, "could not run"))),
            VerdictReason.SANDBOX_FAILURE),
        Arguments.of(
            "the validator did not build (no test ran)",
            result(Verdict.IE, compiled(RAN)),
            VerdictReason.BROKEN_PROBLEM));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void reason(String name, JudgeResult result, VerdictReason expected) {
    assertEquals(expected, VerdictReasons.of(result), name);
  }
}
