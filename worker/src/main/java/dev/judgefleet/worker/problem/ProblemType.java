package dev.judgefleet.worker.problem;

/**
 * What kind of problem this is ({@code type} in problem.yaml, or legacy {@code validation: custom
 * interactive score multi-pass}).
 */
public record ProblemType(boolean scoring, boolean interactive, boolean multiPass) {
  public static final ProblemType PASS_FAIL = new ProblemType(false, false, false);
}
