package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
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
 */
public record CheckResult(
    Verdict verdict,
    String judgeMessage,
    String teamMessage,
    OptionalDouble score,
    OptionalDouble scoreMultiplier,
    Optional<byte[]> nextPass) {

  public static CheckResult of(Verdict verdict, String judgeMessage) {
    return new CheckResult(
        verdict,
        judgeMessage,
        "",
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty());
  }

  public static CheckResult internalError(String message) {
    return of(Verdict.IE, message);
  }
}
