package dev.judgefleet.model;

import java.util.Objects;

/**
 * One thing wrong with a submission.
 *
 * @param field where, as a JSON path ({@code files[1].name}, {@code limits.timeMs})
 * @param message what is wrong, as one line a producer can act on; it names the field itself, so
 *     messages can be joined without their paths
 */
public record Violation(String field, String message) {
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
