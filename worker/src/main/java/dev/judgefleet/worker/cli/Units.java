package dev.judgefleet.worker.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Parses the command line's durations ({@code 2s}, {@code 500ms}) and sizes ({@code 256m}). */
public final class Units {
  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);

  private Units() {}

  /** {@code 2s}, {@code 1.5s}, {@code 500ms}, {@code 2m}; a bare number is seconds. */
  public static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a duration: '" + text + "' (examples: 2s, 1.5s, 500ms, 1m)");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    double nanos =
        switch (unit) {
          case "ms" -> value * 1e6;
          case "m", "min" -> value * 60e9;
          default -> value * 1e9;
        };
    return Duration.ofNanos(Math.round(nanos));
  }

  /** The duration an option gives; a malformed one is a usage error that names the option. */
  static Duration duration(CommandSpec spec, String option, String text) {
    try {
      return duration(text);
    } catch (IllegalArgumentException e) {
      throw usage(spec, option, e);
    }
  }

  /** The size an option gives; a malformed one is a usage error that names the option. */
  static long bytes(CommandSpec spec, String option, String text) {
    try {
      return bytes(text);
    } catch (IllegalArgumentException e) {
      throw usage(spec, option, e);
    }
  }

  private static ParameterException usage(
      CommandSpec spec, String option, IllegalArgumentException e) {
    return new ParameterException(spec.commandLine(), option + ": " + e.getMessage(), e);
  }

  /**
   * {@code 256m}, {@code 1g}, {@code 64k}, {@code 1.5G}, {@code 512MiB}; a bare number is bytes.
   */
  public static long bytes(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a size: '" + text + "' (examples: 256m, 1g, 64k, 1048576)");
    }
    double value = Double.parseDouble(m.group(1));
    long factor =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "k" -> 1L << 10;
          case "m" -> 1L << 20;
          case "g" -> 1L << 30;
          case "t" -> 1L << 40;
          default -> 1;
        };
    return Math.round(value * factor);
  }

  /** {@code 1.5 MiB} */
  public static String humanBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    if (bytes < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
  }

  /** Milliseconds with microsecond precision, for JSON. */
  public static double millis(Duration d) {
    return millis(d.toNanos());
  }

  /** Milliseconds with microsecond precision, for JSON. */
  public static double millis(long nanos) {
    return Math.round(nanos / 1000.0) / 1000.0;
  }
}
