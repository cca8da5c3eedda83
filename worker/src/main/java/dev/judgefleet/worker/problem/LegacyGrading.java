package dev.judgefleet.worker.problem;

/**
 * How a legacy package grades one test data group (legacy "Graders" and {@code testdata.yaml}), as
 * problemtools' default grader does: the group's children (its test cases and subgroups, in judging
 * order) each have a verdict and a score, and the group's verdict and score are made from theirs.
 *
 * @param breakOnReject {@code on_reject: break} (the default): stop judging the group at its first
 *     child that is not accepted; {@code continue} judges them all
 * @param verdictMode {@code worst_error} (default), {@code first_error} or {@code always_accept}
 * @param scoreMode {@code sum} (default), {@code avg}, {@code min} or {@code max}
 * @param acceptIfAnyAccepted the flag {@code accept_if_any_accepted}
 * @param ignoreSample the flag {@code ignore_sample} (top level only): the sample group counts for
 *     neither verdict nor score
 * @param acceptScore the score of an accepted test case without a score.txt (1)
 * @param rejectScore the score of a rejected test case (0)
 * @param rangeMin the lowest score the group may get ({@code range}, -inf)
 * @param rangeMax the highest score the group may get ({@code range}, +inf)
 */
public record LegacyGrading(
    boolean breakOnReject,
    VerdictMode verdictMode,
    ScoreMode scoreMode,
    boolean acceptIfAnyAccepted,
    boolean ignoreSample,
    double acceptScore,
    double rejectScore,
    double rangeMin,
    double rangeMax) {

  /** problemtools' defaults ({@code config/testdata.yaml}). */
  public static final LegacyGrading DEFAULT =
      new LegacyGrading(
          true,
          VerdictMode.WORST_ERROR,
          ScoreMode.SUM,
          false,
          false,
          1,
          0,
          Double.NEGATIVE_INFINITY,
          Double.POSITIVE_INFINITY);

  /** How the group's verdict is made from its children's. */
  public enum VerdictMode {
    /** The first, in the order JE, RTE, MLE, TLE, OLE, WA, PE, of the children's errors. */
    WORST_ERROR,
    /** The first child's error. */
    FIRST_ERROR,
    /** Always accepted (the score says how well). */
    ALWAYS_ACCEPT
  }

  /** How the group's score is made from its children's. */
  public enum ScoreMode {
    SUM,
    AVG,
    MIN,
    MAX
  }
}
