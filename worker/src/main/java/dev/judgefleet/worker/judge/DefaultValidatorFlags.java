package dev.judgefleet.worker.judge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How the default output validator compares, as its arguments ({@code output_validator_args}, or
 * {@code validator_flags} of a legacy package) say.
 *
 * @param caseSensitive string tokens must match byte for byte (default: ASCII letters fold)
 * @param spaceChangeSensitive whitespace runs, leading and trailing too, must match exactly
 * @param absoluteTolerance a float token is accepted within this absolute difference
 * @param relativeTolerance a float token is accepted within this fraction of the answer's value
 */
public record DefaultValidatorFlags(
    boolean caseSensitive,
    boolean spaceChangeSensitive,
    OptionalDouble absoluteTolerance,
    OptionalDouble relativeTolerance) {

  public static final String CASE_SENSITIVE = "case_sensitive";
  public static final String SPACE_CHANGE_SENSITIVE = "space_change_sensitive";
  public static final String FLOAT_TOLERANCE = "float_tolerance";
  public static final String FLOAT_ABSOLUTE_TOLERANCE = "float_absolute_tolerance";
  public static final String FLOAT_RELATIVE_TOLERANCE = "float_relative_tolerance";

  /** No arguments: case- and whitespace-insensitive, floats compared as strings. */
  public static final DefaultValidatorFlags DEFAULT =
      new DefaultValidatorFlags(false, false, OptionalDouble.empty(), OptionalDouble.empty());

  public DefaultValidatorFlags {
    Objects.requireNonNull(absoluteTolerance, "absoluteTolerance");
    Objects.requireNonNull(relativeTolerance, "relativeTolerance");
    checkTolerance("absolute tolerance", absoluteTolerance);
    checkTolerance("relative tolerance", relativeTolerance);
  }

  /**
   * The flags an argument list sets. Boolean flags may repeat (they only switch a mode on); a
   * tolerance may not, and {@code float_tolerance} may not meet the other two, as the format says.
   *
   * @throws IllegalArgumentException naming the argument that is wrong
   */
  public static DefaultValidatorFlags parse(List<String> args) {
    boolean caseSensitive = false;
    boolean spaceChangeSensitive = false;
    Map<String, Double> tolerances = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case CASE_SENSITIVE -> caseSensitive = true;
        case SPACE_CHANGE_SENSITIVE -> spaceChangeSensitive = true;
        case FLOAT_TOLERANCE, FLOAT_ABSOLUTE_TOLERANCE, FLOAT_RELATIVE_TOLERANCE -> {
          if (i + 1 == args.size()) {
            throw new IllegalArgumentException(
                "default validator: " + arg + " needs a number, got nothing after it");
          }
          double epsilon = toleranceValue(arg, args.get(++i));
          if (tolerances.put(arg, epsilon) != null) {
            throw new IllegalArgumentException("default validator: " + arg + " given twice");
          }
        }
        default ->
            throw new IllegalArgumentException(
                String.format(
                    "default validator: unknown argument '%s' (expected %s, %s, %s ε, %s ε or %s ε)",
                    arg,
                    CASE_SENSITIVE,
                    SPACE_CHANGE_SENSITIVE,
                    FLOAT_TOLERANCE,
                    FLOAT_ABSOLUTE_TOLERANCE,
                    FLOAT_RELATIVE_TOLERANCE));
      }
    }
    Double both = tolerances.get(FLOAT_TOLERANCE);
    if (both != null) {
      for (String other : List.of(FLOAT_ABSOLUTE_TOLERANCE, FLOAT_RELATIVE_TOLERANCE)) {
        if (tolerances.containsKey(other)) {
          throw new IllegalArgumentException(
              "default validator: "
                  + FLOAT_TOLERANCE
                  + " cannot be combined with "
                  + other
                  + " (it already sets both tolerances)");
        }
      }
      return new DefaultValidatorFlags(
          caseSensitive, spaceChangeSensitive, OptionalDouble.of(both), OptionalDouble.of(both));
    }
    return new DefaultValidatorFlags(
        caseSensitive,
        spaceChangeSensitive,
        optional(tolerances.get(FLOAT_ABSOLUTE_TOLERANCE)),
        optional(tolerances.get(FLOAT_RELATIVE_TOLERANCE)));
  }

  /** Whether answer tokens that are floats are compared as numbers. */
  public boolean floatTolerant() {
    return absoluteTolerance.isPresent() || relativeTolerance.isPresent();
  }

  /**
   * The largest difference from the answer value that is accepted: the larger of the absolute
   * tolerance and the relative tolerance times |answer|, since either one accepts.
   */
  public double allowedDifference(double answer) {
    double allowed = 0;
    if (absoluteTolerance.isPresent()) {
      allowed = absoluteTolerance.getAsDouble();
    }
    if (relativeTolerance.isPresent()) {
      allowed = Math.max(allowed, relativeTolerance.getAsDouble() * Math.abs(answer));
    }
    return allowed;
  }

  /** Whether a team value is close enough to an answer value. */
  public boolean withinTolerance(double answer, double team) {
    // A token beyond the double range parses as infinite: it matches only the same infinity (the
    // difference of two infinities is NaN, and a relative tolerance of an infinite answer would
    // accept anything).
    if (answer == team) {
      return true;
    }
    return Double.isFinite(answer)
        && Double.isFinite(team)
        && Math.abs(team - answer) <= allowedDifference(answer);
  }

  private static double toleranceValue(String flag, String text) {
    OptionalDouble value = FloatToken.parse(text);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(
          "default validator: " + flag + " needs a number, got '" + text + "'");
    }
    double epsilon = value.getAsDouble();
    if (epsilon < 0) {
      throw new IllegalArgumentException(
          "default validator: " + flag + " must not be negative, got '" + text + "'");
    }
    if (Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException(
          "default validator: " + flag + " is too large to represent, got '" + text + "'");
    }
    return epsilon;
  }

  private static OptionalDouble optional(Double value) {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  private static void checkTolerance(String name, OptionalDouble tolerance) {
    if (tolerance.isPresent()
        && !(tolerance.getAsDouble() >= 0 && Double.isFinite(tolerance.getAsDouble()))) {
      throw new IllegalArgumentException(
          "default validator: "
              + name
              + " must be a finite non-negative number, got "
              + tolerance.getAsDouble());
    }
  }
}
