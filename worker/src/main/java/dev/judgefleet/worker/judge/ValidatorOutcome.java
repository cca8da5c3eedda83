package dev.judgefleet.worker.judge;

import java.util.Objects;
import java.util.Optional;

/**
 * What an output validator decided about one test's output.
 *
 * @param accepted whether the output is correct (exit code 42 of a custom validator)
 * @param judgeMessage why, for the judges ({@code judgemessage.txt}); "" when there is nothing to
 *     say
 * @param score the score a scoring validator gave ({@code score.txt}); the default validator never
 *     gives one
 * @param teamMessage feedback the team may see ({@code teammessage.txt}); "" when there is none
 */
public record ValidatorOutcome(
    boolean accepted, String judgeMessage, Optional<Double> score, String teamMessage) {

  public ValidatorOutcome {
    Objects.requireNonNull(judgeMessage, "judgeMessage");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(teamMessage, "teamMessage");
    score.ifPresent(
        value -> {
          if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("validator score must be finite, got " + value);
          }
        });
  }

  /** An accepted output, with no message and no score. */
  public static ValidatorOutcome accept() {
    return new ValidatorOutcome(true, "", Optional.empty(), "");
  }

  /** A wrong answer, explained to the judges only. */
  public static ValidatorOutcome wrongAnswer(String judgeMessage) {
    return new ValidatorOutcome(false, judgeMessage, Optional.empty(), "");
  }
}
