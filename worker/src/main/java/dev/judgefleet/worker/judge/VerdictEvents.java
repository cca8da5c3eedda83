package dev.judgefleet.worker.judge;

import dev.judgefleet.model.CompileInfo;
import dev.judgefleet.model.GroupScore;
import dev.judgefleet.model.JudgedBy;
import dev.judgefleet.model.TestResult;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.worker.sandbox.plan.Kernel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Turns a judging's outcome into the wire's verdict event. */
public final class VerdictEvents {
  private VerdictEvents() {}

  /** Who and what a verdict is about, beyond the judging itself. */
  public record Context(
      String submissionId,
      int attempt,
      String judgingId,
      String problemId,
      String language,
      JudgedBy judgedBy,
      Long queuedMs,
      Map<String, Object> metadata) {}

  public static VerdictEvent of(JudgeResult result, Context context) {
    CompileInfo compile =
        result.compile() == null || result.compile().compile() == null
            ? null
            : new CompileInfo(
                result.compile().ok(),
                result.compile().compilerOutput(),
                result.compile().compile().cpu().toMillis());
    List<TestResult> tests =
        result.tests().stream()
            .map(
                t ->
                    new TestResult(
                        t.test().name(),
                        t.group(),
                        t.verdict(),
                        t.cpuNanos() / 1_000_000,
                        t.wallNanos() / 1_000_000,
                        t.memoryBytes(),
                        t.run() == null ? null : t.run().exitCode(),
                        t.run() == null || t.run().signal() == null
                            ? null
                            : Kernel.Signal.name(t.run().signal()),
                        t.checkerMessage().isEmpty() ? null : t.checkerMessage(),
                        result.testScores().get(t.test().name())))
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
        result.score().isPresent() ? result.score().getAsDouble() : null,
        result.maxScore().isPresent() ? result.maxScore().getAsDouble() : null,
        result.maxCpuNanos() / 1_000_000,
        result.maxMemoryBytes(),
        compile,
        tests,
        groups,
        context.judgedBy(),
        Instant.now(),
        context.queuedMs(),
        result.judgeTime().toMillis(),
        context.metadata());
  }
}
