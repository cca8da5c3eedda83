package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The outcome of judging one submission.
 *
 * @param verdict the final verdict: the first failing test's, or AC
 * @param message why, for CE (the compiler's output) and IE, else ""
 * @param compile the compile step, or null when the language has none (or it never got there)
 * @param tests every test that ran, in order
 * @param score the score of a scoring problem, else empty
 * @param maxScore its maximum, else empty
 * @param groups the groups' scores (scoring problems)
 * @param testScores each scored test's score (scoring problems)
 * @param timeLimit the CPU time limit the tests ran under (before the language's factor)
 * @param problemVersion the package's content version
 * @param judgeTime from the start of judging to the verdict
 */
public record JudgeResult(
    Verdict verdict,
    String message,
    CompiledProgram compile,
    List<TestOutcome> tests,
    OptionalDouble score,
    OptionalDouble maxScore,
    List<ScoreAggregator.GroupResult> groups,
    java.util.Map<String, Double> testScores,
    Duration timeLimit,
    String problemVersion,
    Duration judgeTime) {

  public JudgeResult {
    tests = List.copyOf(tests);
    groups = List.copyOf(groups);
    testScores = java.util.Map.copyOf(testScores);
  }

  /** The largest CPU time of any test. */
  public long maxCpuNanos() {
    return tests.stream().mapToLong(TestOutcome::cpuNanos).max().orElse(0);
  }

  /** The largest peak memory of any test. */
  public long maxMemoryBytes() {
    return tests.stream().mapToLong(TestOutcome::memoryBytes).max().orElse(0);
  }
}
