package dev.judgefleet.worker.problem;

/** How a group's score comes from its tests' and subgroups' ({@code score_aggregation}). */
public enum Aggregation {
  /** All accepted: the group's max score, else 0. The default outside {@code secret}. */
  PASS_FAIL,
  /** The sum of the parts' scores. The default for {@code secret} of a scoring problem. */
  SUM,
  /** The minimum of the parts' scores. */
  MIN
}
