package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DefaultValidatorFlagsTest {
  @Test
  void noArgumentsAreTheDefaults() {
    DefaultValidatorFlags flags = DefaultValidatorFlags.parse(List.of());
    assertEquals(DefaultValidatorFlags.DEFAULT, flags);
    assertFalse(flags.caseSensitive());
    assertFalse(flags.spaceChangeSensitive());
    assertFalse(flags.floatTolerant());
  }

  @Test
  void booleanFlags() {
    DefaultValidatorFlags flags =
        DefaultValidatorFlags.parse(List.of("case_sensitive", "space_change_sensitive"));
    assertTrue(flags.caseSensitive());
    assertTrue(flags.spaceChangeSensitive());
    assertFalse(flags.floatTolerant());
  }

  @Test
  void booleanFlagsMayRepeat() {
    // Problem-, group- and test-level arguments are concatenated; repeating a mode is harmless.
    DefaultValidatorFlags flags =
        DefaultValidatorFlags.parse(List.of("case_sensitive", "case_sensitive"));
    assertTrue(flags.caseSensitive());
  }

  @Test
  void floatToleranceSetsBothTolerances() {
    DefaultValidatorFlags flags =
        DefaultValidatorFlags.parse(List.of("float_tolerance", "1e-6", "case_sensitive"));
    assertEquals(OptionalDouble.of(1e-6), flags.absoluteTolerance());
    assertEquals(OptionalDouble.of(1e-6), flags.relativeTolerance());
    assertTrue(flags.caseSensitive());
    assertTrue(flags.floatTolerant());
  }

  @Test
  void absoluteAndRelativeToleranceAreSeparate() {
    DefaultValidatorFlags abs =
        DefaultValidatorFlags.parse(List.of("float_absolute_tolerance", "0.5"));
    assertEquals(OptionalDouble.of(0.5), abs.absoluteTolerance());
    assertEquals(OptionalDouble.empty(), abs.relativeTolerance());

    DefaultValidatorFlags rel =
        DefaultValidatorFlags.parse(List.of("float_relative_tolerance", ".25"));
    assertEquals(OptionalDouble.empty(), rel.absoluteTolerance());
    assertEquals(OptionalDouble.of(0.25), rel.relativeTolerance());

    DefaultValidatorFlags both =
        DefaultValidatorFlags.parse(
            List.of("float_relative_tolerance", "1E-3", "float_absolute_tolerance", "2."));
    assertEquals(OptionalDouble.of(2.0), both.absoluteTolerance());
    assertEquals(OptionalDouble.of(1e-3), both.relativeTolerance());
  }

  @Test
  void zeroToleranceIsAllowed() {
    DefaultValidatorFlags flags = DefaultValidatorFlags.parse(List.of("float_tolerance", "0"));
    assertTrue(flags.floatTolerant());
    assertTrue(flags.withinTolerance(1.0, 1.0));
    assertFalse(flags.withinTolerance(1.0, Math.nextUp(1.0)));
  }

  @Test
  void allowedDifferenceIsTheLargerTolerance() {
    DefaultValidatorFlags flags =
        DefaultValidatorFlags.parse(
            List.of("float_absolute_tolerance", "0.1", "float_relative_tolerance", "0.01"));
    assertEquals(0.1, flags.allowedDifference(5));
    assertEquals(1.0, flags.allowedDifference(-100));
  }

  @Test
  void unknownArgument() {
    assertError(List.of("ignore_case"), "default validator: unknown argument 'ignore_case'");
    assertError(List.of("CASE_SENSITIVE"), "unknown argument 'CASE_SENSITIVE'");
    assertError(List.of(""), "unknown argument ''");
    assertError(List.of("1e-6"), "unknown argument '1e-6'");
  }

  @Test
  void missingNumber() {
    for (String flag :
        List.of("float_tolerance", "float_absolute_tolerance", "float_relative_tolerance")) {
      assertError(List.of(flag), "default validator: " + flag + " needs a number, got nothing");
    }
  }

  @Test
  void nonNumericTolerance() {
    assertError(
        List.of("float_tolerance", "x"),
        "default validator: float_tolerance needs a number, got 'x'");
    // Java would parse these; the format's float grammar does not allow them.
    for (String text : List.of("NaN", "Infinity", "0x1p-3", "1e-6d", " 1e-6", "1e", ".", "")) {
      assertError(
          List.of("float_absolute_tolerance", text),
          "float_absolute_tolerance needs a number, got '" + text + "'");
    }
    // The next flag is not a number either.
    assertError(
        List.of("float_relative_tolerance", "case_sensitive"),
        "float_relative_tolerance needs a number, got 'case_sensitive'");
  }

  @Test
  void negativeTolerance() {
    assertError(
        List.of("float_tolerance", "-1e-6"),
        "default validator: float_tolerance must not be negative, got '-1e-6'");
    assertError(
        List.of("float_relative_tolerance", "-0.5"),
        "float_relative_tolerance must not be negative");
  }

  @Test
  void toleranceBeyondTheDoubleRange() {
    assertError(List.of("float_tolerance", "1e999"), "float_tolerance is too large");
  }

  @Test
  void toleranceGivenTwice() {
    for (String flag :
        List.of("float_tolerance", "float_absolute_tolerance", "float_relative_tolerance")) {
      assertError(
          List.of(flag, "1e-6", "case_sensitive", flag, "1e-6"),
          "default validator: " + flag + " given twice");
    }
  }

  @Test
  void floatToleranceWithAnotherTolerance() {
    assertError(
        List.of("float_tolerance", "1e-6", "float_absolute_tolerance", "1e-3"),
        "default validator: float_tolerance cannot be combined with float_absolute_tolerance");
    assertError(
        List.of("float_relative_tolerance", "1e-3", "float_tolerance", "1e-6"),
        "float_tolerance cannot be combined with float_relative_tolerance");
  }

  @Test
  void constructorRejectsBadTolerances() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new DefaultValidatorFlags(false, false, OptionalDouble.of(-1), OptionalDouble.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new DefaultValidatorFlags(
                false, false, OptionalDouble.empty(), OptionalDouble.of(Double.NaN)));
  }

  private static void assertError(List<String> args, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DefaultValidatorFlags.parse(args));
    assertTrue(
        e.getMessage().contains(expected),
        () -> "expected '" + expected + "' in: " + e.getMessage());
  }
}
