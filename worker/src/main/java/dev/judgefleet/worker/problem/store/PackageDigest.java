package dev.judgefleet.worker.problem.store;

import java.util.regex.Pattern;

/**
 * The name of a package version: the SHA-256 of its canonical content ({@link PackageManifest}), as
 * 64 lowercase hex digits. The same files give the same digest on any machine.
 */
public record PackageDigest(String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public PackageDigest {
    if (hex == null || !HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a SHA-256 digest (64 lowercase hex digits): " + hex);
    }
  }

  /** {@code sha256:} and the hex digits, as messages and the command line show it. */
  @Override
  public String toString() {
    return "sha256:" + hex;
  }

  /** The first 12 hex digits, for tables. */
  public String shortHex() {
    return hex.substring(0, 12);
  }

  /** Parses {@code sha256:HEX} or bare {@code HEX}. */
  public static PackageDigest parse(String text) {
    return new PackageDigest(text.startsWith("sha256:") ? text.substring(7) : text);
  }
}
