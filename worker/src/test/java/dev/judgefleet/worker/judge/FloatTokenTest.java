package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FloatTokenTest {
  @Test
  void theGrammarsForms() {
    for (String text :
        List.of("0", "42", "-7", "+7", "1.5", ".5", "5.", "-.5", "1e3", "1E-3", "2.e+10", ".5e5")) {
      assertTrue(FloatToken.parse(text).isPresent(), text);
    }
  }

  @Test
  void whatTheGrammarRejects() {
    for (String text :
        List.of(
            "",
            "+",
            "-",
            ".",
            "+.",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "--1",
            "1 ",
            " 1",
            "NaN",
            "nan",
            "inf",
            "Infinity",
            "-Infinity",
            "0x10",
            "0x1p3",
            "1f",
            "1d",
            "1_000",
            "1,5",
            "١")) {
      assertFalse(FloatToken.parse(text).isPresent(), text);
    }
  }

  @Test
  void values() {
    assertEquals(OptionalDouble.of(1000.0), FloatToken.parse("1e3"));
    assertEquals(OptionalDouble.of(-0.05), FloatToken.parse("-.5e-1"));
    assertEquals(OptionalDouble.of(Double.POSITIVE_INFINITY), FloatToken.parse("1e400"));
    // 30 digits before and after the point, as the format requires of a parser.
    String longDigits = "1".repeat(30) + "." + "1".repeat(30);
    assertEquals(OptionalDouble.of(Double.parseDouble(longDigits)), FloatToken.parse(longDigits));
  }
}
