package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.sandbox.RunCause;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Results as a judge that runs nothing would give them, for tests of what surrounds the judge. */
public final class JudgeResults {
  private JudgeResults() {}

  /** AC with no test outcomes, under {@code timeLimit}, for {@code problem}'s version. */
  public static JudgeResult accepted(ProblemPackage problem, Duration timeLimit) {
    return result(Verdict.AC, "", null, problem, timeLimit);
  }

  private static JudgeResult result(
      Verdict verdict,
      String message,
      CompiledProgram compile,
      ProblemPackage problem,
      Duration timeLimit) {
    return new JudgeResult(
        verdict,
        message,
        compile,
        List.of(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        List.of(),
        Map.of(),
        timeLimit,
        problem.contentVersion(),
        Duration.ZERO);
  }

  /** IE because the sandbox failed under the compile (the judge's fault, not the program's). */
  public static JudgeResult sandboxFailed(ProblemPackage problem, Duration timeLimit) {
    RunResult failed = JudgeFixtures.run(RunStatus.IE, RunCause.SETUP, null, null);
    return result(
        Verdict.IE,
        "the compile's sandbox failed",
        new CompiledProgram(null, "main", "main.c", failed, ""),
        problem,
        timeLimit);
  }
}
