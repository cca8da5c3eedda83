package dev.judgefleet.worker.language;

import java.util.Locale;

/** Where a language's toolchain comes from ({@code judge.languages.rootfs}). */
public enum RootfsMode {
  /** Its image when the node's store has one, else the host's binds. */
  AUTO,
  /** Only its image: a language whose image is not in the store is missing. */
  IMAGE,
  /** Only the host's binds (a development machine without images). */
  HOST;

  public static RootfsMode parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "judge.languages.rootfs must be auto, image or host, not '" + text + "'", e);
    }
  }
}
