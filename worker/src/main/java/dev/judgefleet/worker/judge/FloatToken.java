package dev.judgefleet.worker.judge;

import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;

/**
 * A token read as a floating-point number by the grammar of the problem package format's general
 * requirements:
 *
 * <pre>
 * float       sign? significand exponent?
 * significand digit* "." digit+ | digit+ "." | digit+
 * exponent    [Ee] sign? digit+
 * </pre>
 *
 * <p>The grammar is checked before {@link Double#parseDouble} sees the token, because Java also
 * accepts {@code NaN}, {@code Infinity}, hexadecimal, a {@code d}/{@code f} suffix and surrounding
 * whitespace, none of which the format allows.
 */
final class FloatToken {
  private FloatToken() {}

  /** The token's value, or empty if it is not a float of the grammar. */
  static OptionalDouble parse(byte[] token) {
    if (!matchesGrammar(token)) {
      return OptionalDouble.empty();
    }
    // Every byte is ASCII here; Java's parser rounds to the nearest double, as the format asks.
    return OptionalDouble.of(Double.parseDouble(new String(token, StandardCharsets.US_ASCII)));
  }

  static OptionalDouble parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  static boolean matchesGrammar(byte[] token) {
    int i = skipSign(token, 0);
    int integerEnd = skipDigits(token, i);
    boolean integerDigits = integerEnd > i;
    i = integerEnd;
    boolean fractionDigits = false;
    if (i < token.length && token[i] == '.') {
      int fractionEnd = skipDigits(token, i + 1);
      fractionDigits = fractionEnd > i + 1;
      i = fractionEnd;
    }
    if (!integerDigits && !fractionDigits) {
      return false;
    }
    if (i < token.length && (token[i] == 'e' || token[i] == 'E')) {
      int exponentStart = skipSign(token, i + 1);
      i = skipDigits(token, exponentStart);
      if (i == exponentStart) {
        return false;
      }
    }
    return i == token.length;
  }

  private static int skipSign(byte[] token, int i) {
    return i < token.length && (token[i] == '+' || token[i] == '-') ? i + 1 : i;
  }

  private static int skipDigits(byte[] token, int i) {
    while (i < token.length && token[i] >= '0' && token[i] <= '9') {
      i++;
    }
    return i;
  }
}
