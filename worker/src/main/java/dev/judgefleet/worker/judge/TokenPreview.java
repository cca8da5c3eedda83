package dev.judgefleet.worker.judge;

import java.nio.charset.StandardCharsets;

/**
 * A token quoted for a judge message: at most {@link #MAX_BYTES} bytes of it, control bytes
 * escaped, so that two previews and their explanation stay well under 1 KiB whatever the team
 * printed.
 */
final class TokenPreview {
  /** Each shown byte becomes at most 4 characters ({@code \x01}): 2 × 256 + text < 1 KiB. */
  static final int MAX_BYTES = 64;

  private TokenPreview() {}

  static String quote(byte[] token) {
    int shown = Math.min(token.length, MAX_BYTES);
    // Cut before a UTF-8 continuation byte so the preview does not end in a broken character.
    while (shown < token.length && shown > 0 && (token[shown] & 0xC0) == 0x80) {
      shown--;
    }
    String text = new String(token, 0, shown, StandardCharsets.UTF_8);
    StringBuilder quoted = new StringBuilder(text.length() + 32).append('"');
    text.codePoints().forEach(c -> appendEscaped(quoted, c));
    quoted.append('"');
    if (shown < token.length) {
      quoted.setLength(quoted.length() - 1);
      quoted.append("…\" (").append(token.length).append(" bytes)");
    }
    return quoted.toString();
  }

  private static void appendEscaped(StringBuilder out, int c) {
    if (c == '"' || c == '\\') {
      out.append('\\').append((char) c);
    } else if (c < 0x20 || c == 0x7f) {
      out.append(String.format("\\x%02x", c));
    } else {
      out.appendCodePoint(c);
    }
  }
}
