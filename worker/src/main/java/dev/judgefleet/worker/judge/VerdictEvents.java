package dev.judgefleet.worker.judge;

import dev.judgefleet.model.CompileInfo;
import dev.judgefleet.model.Diagnostics;
import dev.judgefleet.model.GroupScore;
import dev.judgefleet.model.JudgedBy;
import dev.judgefleet.model.TestResult;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.model.VerdictReason;
import dev.judgefleet.worker.sandbox.CapturedOutput;
import dev.judgefleet.worker.sandbox.RunResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Turns a judging's outcome into the wire's verdict event. */
public final class VerdictEvents {
  private VerdictEvents() {}

  /**
   * How much program output the inline tests of one verdict echo back in all: a quarter MiB keeps
   * the verdict well inside Kafka's default 1 MiB message however many tests there are.
   */
  static final int ECHO_BUDGET_BYTES = 256 * 1024;

  private static final int ECHO_STDOUT_BYTES = 64 * 1024;
  private static final int ECHO_STDERR_BYTES = 16 * 1024;

  /**
   * Who and what a verdict is about, beyond the judging itself.
   *
   * @param echoOutput whether the tests' stdout and stderr go into the verdict: only for the
   *     submission's own inline tests, never for a problem's (their data is secret)
   */
  public record Context(
      String submissionId,
      int attempt,
      String judgingId,
      String problemId,
      String language,
      JudgedBy judgedBy,
      Long queuedMs,
      Map<String, Object> metadata,
      boolean echoOutput) {}

  public static VerdictEvent of(JudgeResult result, Context context) {
    CompileInfo compile =
        result.compile() == null || result.compile().compile() == null
            ? null
            : new CompileInfo(
                result.compile().ok(),
                result.compile().compilerOutput(),
                result.compile().compile().cpu().toMillis());
    int echoed = Math.max(1, result.tests().size());
    int stdoutCap = Math.min(ECHO_STDOUT_BYTES, ECHO_BUDGET_BYTES * 3 / 4 / echoed);
    int stderrCap = Math.min(ECHO_STDERR_BYTES, ECHO_BUDGET_BYTES / 4 / echoed);
    List<TestResult> tests =
        result.tests().stream()
            .map(
                t -> {
                  boolean echo = context.echoOutput() && t.run() != null;
                  CapturedOutput out = echo ? t.run().stdout() : null;
                  CapturedOutput err = echo ? t.run().stderr() : null;
                  return new TestResult(
                      t.test().name(),
                      t.group(),
                      t.verdict(),
                      t.cpuNanos() / 1_000_000,
                      t.wallNanos() / 1_000_000,
                      t.memoryBytes(),
                      t.run() == null ? null : t.run().exitCode(),
                      t.run() == null ? null : t.run().signalName(),
                      t.checkerMessage().isEmpty() ? null : t.checkerMessage(),
                      result.testScores().get(t.test().name()),
                      echo ? head(out, stdoutCap) : null,
                      echo ? head(err, stderrCap) : null,
                      echo ? cut(out, stdoutCap) || cut(err, stderrCap) : null);
                })
            .toList();
    List<GroupScore> groups =
        result.score().isEmpty()
            ? null
            : result.groups().stream()
                .map(
                    g ->
                        new GroupScore(
                            g.name(),
                            g.score(),
                            g.maxScore().isPresent() ? g.maxScore().getAsDouble() : null))
                .toList();
    return new VerdictEvent(
        VerdictEvent.SCHEMA_VERSION,
        context.submissionId(),
        context.attempt(),
        context.judgingId(),
        context.problemId(),
        result.problemVersion(),
        context.language(),
        result.verdict(),
        result.message().isEmpty() ? null : Messages.cap(result.message()),
        VerdictReasons.of(result),
        result.score().isPresent() ? result.score().getAsDouble() : null,
        result.maxScore().isPresent() ? result.maxScore().getAsDouble() : null,
        result.maxCpuNanos() / 1_000_000,
        result.maxMemoryBytes(),
        compile,
        tests,
        groups,
        diagnostics(result),
        context.judgedBy(),
        Instant.now(),
        context.queuedMs(),
        result.judgeTime().toMillis(),
        context.metadata());
  }

  /**
   * An {@code IE} verdict for a submission the worker could not judge, with the reason: nothing
   * ran, so there are no tests, times or compile.
   */
  public static VerdictEvent internalError(Context context, VerdictReason reason, String message) {
    return new VerdictEvent(
        VerdictEvent.SCHEMA_VERSION,
        context.submissionId(),
        context.attempt(),
        context.judgingId(),
        context.problemId(),
        null,
        context.language(),
        Verdict.IE,
        message,
        reason,
        null,
        null,
        0,
        0,
        null,
        List.of(),
        null,
        null,
        context.judgedBy(),
        Instant.now(),
        context.queuedMs(),
        0,
        context.metadata());
  }

  /**
   * The first failing test as the judge saw it, for the jury: what a contestant is never shown, and
   * what an operator needs to tell a wrong verdict from a wrong submission.
   */
  static Diagnostics diagnostics(JudgeResult result) {
    TestOutcome failed =
        result.tests().stream().filter(t -> !t.accepted()).findFirst().orElse(null);
    if (failed == null) {
      return null;
    }
    RunResult run = failed.run();
    String stderr = run == null ? "" : head(run.stderr(), Diagnostics.STDERR_BYTES);
    String runMessage = run == null ? "" : run.causeDetail();
    return new Diagnostics(
        Diagnostics.JURY,
        failed.test().name(),
        failed.verdict(),
        run == null ? null : run.exitCode(),
        run == null ? null : run.signalName(),
        stderr.isEmpty() ? null : stderr,
        failed.checkerMessage().isEmpty() ? null : failed.checkerMessage(),
        runMessage.isEmpty() ? null : runMessage);
  }

  /** The first {@code cap} bytes of a stream as text (a character cut in two is replaced). */
  private static String head(CapturedOutput output, int cap) {
    byte[] head = output.head();
    return new String(head, 0, Math.min(cap, head.length), StandardCharsets.UTF_8);
  }

  /** Whether the text given back is less than the program wrote. */
  private static boolean cut(CapturedOutput output, int cap) {
    return output.bytes() > cap || output.truncated();
  }
}
