package dev.judgefleet.worker.problem;

/**
 * What kind of problem this is ({@code type} in problem.yaml, or legacy {@code validation: custom
 * interactive score multi-pass}).
 *
 * @param scoring submissions get a score
 * @param interactive the output validator talks to the submission
 * @param multiPass the submission may run again on an input the validator wrote
 * @param submitAnswer a submission is the answers, not a program (2025-09 {@code submit-answer})
 */
public record ProblemType(
    boolean scoring, boolean interactive, boolean multiPass, boolean submitAnswer) {
  public static final ProblemType PASS_FAIL = new ProblemType(false, false, false, false);

  public ProblemType {
    if (submitAnswer && (interactive || multiPass)) {
      throw new IllegalArgumentException("submit-answer excludes interactive and multi-pass");
    }
  }

  /** A problem whose submissions are programs. */
  public ProblemType(boolean scoring, boolean interactive, boolean multiPass) {
    this(scoring, interactive, multiPass, false);
  }
}
