package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.problem.ProblemPackage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Results as a judge that runs nothing would give them, for tests of what surrounds the judge. */
public final class JudgeResults {
  private JudgeResults() {}

  /** AC with no test outcomes, under {@code timeLimit}, for {@code problem}'s version. */
  public static JudgeResult accepted(ProblemPackage problem, Duration timeLimit) {
    return new JudgeResult(
        Verdict.AC,
        "",
        null,
        List.of(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        List.of(),
        Map.of(),
        timeLimit,
        problem.contentVersion(),
        Duration.ZERO);
  }
}
