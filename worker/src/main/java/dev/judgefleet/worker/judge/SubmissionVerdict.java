package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.sandbox.RunStatus;
import java.util.List;

/**
 * Decides a submission's verdict, and the judges' message that goes with it, from what happened
 * before its tests (its compilation) or from its tests' verdicts ({@link TestVerdict}). Pure; every
 * rule is in {@code SubmissionVerdictTest}'s tables. A legacy package's grade comes from {@link
 * LegacyGrader}, which this turns into the submission's verdict the same way.
 */
final class SubmissionVerdict {
  private SubmissionVerdict() {}

  /** The verdict and the message for the judges (a checker's or the compiler's). */
  record Decision(Verdict verdict, String message) {}

  /**
   * A compilation that did not give a program: the contestant's compile error, unless the sandbox
   * failed, which is the judge's.
   */
  static Verdict compileFailed(RunStatus compile) {
    return compile == RunStatus.IE ? Verdict.IE : Verdict.CE;
  }

  /**
   * From the tests, in the order they ran: the first one not accepted decides, with its checker's
   * message; all accepted is AC. In a scored problem, scores that cannot be aggregated (a group
   * without a score) make the whole IE, the problem's fault.
   *
   * @param scoreErrors what went wrong aggregating the scores; empty for pass-fail problems
   */
  static Decision ofTests(List<TestOutcome> tests, boolean scoring, List<String> scoreErrors) {
    if (scoring && !scoreErrors.isEmpty()) {
      return new Decision(Verdict.IE, String.join("\n", scoreErrors));
    }
    return tests.stream()
        .filter(t -> !t.accepted())
        .findFirst()
        .map(t -> new Decision(reported(t.verdict(), scoring), t.checkerMessage()))
        .orElse(new Decision(Verdict.AC, ""));
  }

  /**
   * A legacy package's: its root's grade. The message is that of the first test with the graded
   * verdict ({@code worst_error} may pick a later test than the first failure), else of the first
   * failure.
   */
  static Decision ofLegacyGrade(Verdict graded, List<TestOutcome> tests, boolean scoring) {
    String message =
        tests.stream()
            .filter(t -> t.verdict() == graded)
            .findFirst()
            .or(() -> tests.stream().filter(t -> !t.accepted()).findFirst())
            .map(TestOutcome::checkerMessage)
            .orElse("");
    return new Decision(reported(graded, scoring), message);
  }

  /** ICPC style: a testlib presentation error is a wrong answer; scored problems keep PE. */
  private static Verdict reported(Verdict verdict, boolean scoring) {
    return !scoring && verdict == Verdict.PE ? Verdict.WA : verdict;
  }
}
