package dev.judgefleet.worker.judge;

/**
 * How a submission is judged.
 *
 * @param runAllTests keep going after a failure (pass-fail problems stop at the first failing test,
 *     and a scoring problem's pass-fail or min group at its first failing test, unless set)
 * @param slot the worker slot: picks the sandboxes' uids
 */
public record JudgeOptions(boolean runAllTests, int slot) {
  public static JudgeOptions defaults() {
    return new JudgeOptions(false, 0);
  }
}
