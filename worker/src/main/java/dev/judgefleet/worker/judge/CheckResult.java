package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictReason;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What an output check decided about one pass of one test.
 *
 * @param verdict AC, WA, PE (testlib) or IE (the checker failed)
 * @param judgeMessage for the judges ({@code judgemessage.txt}, a checker's message), capped
 * @param teamMessage for the team ({@code teammessage.txt}), capped
 * @param score an absolute score ({@code score.txt}, testlib points), if given
 * @param scoreMultiplier a fraction of the test's maximum ({@code score_multiplier.txt}), if given
 * @param nextPass the input of the next pass ({@code nextpass.in}), for multi-pass problems
 * @param failure whose fault an IE is: the problem's (its validator misbehaved) unless the judge
 *     could not run the check at all; null for other verdicts
 */
public record CheckResult(
    Verdict verdict,
    String judgeMessage,
    String teamMessage,
    OptionalDouble score,
    OptionalDouble scoreMultiplier,
    Optional<byte[]> nextPass,
    VerdictReason failure) {

  /** A check as a validator decided it: an IE from it is the problem's fault. */
  public CheckResult(
      Verdict verdict,
      String judgeMessage,
      String teamMessage,
      OptionalDouble score,
      OptionalDouble scoreMultiplier,
      Optional<byte[]> nextPass) {
    this(
        verdict,
        judgeMessage,
        teamMessage,
        score,
        scoreMultiplier,
        nextPass,
        verdict == Verdict.IE ? VerdictReason.BROKEN_PROBLEM : null);
  }

  public static CheckResult of(Verdict verdict, String judgeMessage) {
    return new CheckResult(
        verdict,
        judgeMessage,
        "",
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty());
  }

  /** The validator misbehaved (crashed, an unknown exit code, ...): the problem's fault. */
  public static CheckResult internalError(String message) {
    return of(Verdict.IE, message);
  }

  /** The check could not be done for a reason of the judge's own. */
  public static CheckResult internalError(VerdictReason reason, String message) {
    return new CheckResult(
        Verdict.IE,
        message,
        "",
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        reason);
  }
}
