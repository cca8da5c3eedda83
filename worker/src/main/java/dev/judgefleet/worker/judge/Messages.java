package dev.judgefleet.worker.judge;

import java.nio.charset.StandardCharsets;

/** Caps for the texts a verdict carries. */
final class Messages {
  /** A checker's or validator's message in a verdict. */
  static final int MESSAGE_BYTES = 4096;

  private Messages() {}

  static String cap(String text) {
    return cap(text, MESSAGE_BYTES);
  }

  static String cap(String text, int bytes) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    if (b.length <= bytes) {
      return text;
    }
    return new String(b, 0, bytes, StandardCharsets.UTF_8) + "\n[truncated]";
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
