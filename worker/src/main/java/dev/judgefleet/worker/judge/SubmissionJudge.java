package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.problem.TestCase;
import java.time.Duration;
import java.util.List;

/**
 * What the judging service asks of a judge: {@link Judge} runs the programs; the service's own
 * decisions (which problem, which limits, when to retry, which {@code IE}) are tested against
 * another.
 */
public interface SubmissionJudge {
  /**
   * Builds the problem's output validator ahead of its first submission.
   *
   * @throws ValidatorBuildException if it does not build
   */
  void prepare(ProblemPackage problem, int slot);

  /**
   * Judges one submission.
   *
   * @param timeLimit the CPU limit per test, before the language's time factor
   * @param tests the tests to run, or null for the package's own (samples, then secret)
   * @throws dev.judgefleet.worker.sandbox.SandboxException when no sandbox could be set up
   */
  JudgeResult judge(
      ProblemPackage problem,
      Language language,
      SourceBundle source,
      Duration timeLimit,
      List<TestCase> tests,
      JudgeOptions options,
      ProgressListener progress);

  /**
   * Judges the answers of a submit-answer submission: each test's answer file is checked, nothing
   * runs.
   *
   * @param tests the tests to check, or null for the package's own (samples, then secret)
   */
  JudgeResult judgeAnswers(
      ProblemPackage problem,
      SourceBundle answers,
      List<TestCase> tests,
      JudgeOptions options,
      ProgressListener progress);
}
