package dev.judgefleet.worker.messaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The judge_* samples of a /q/metrics page (Prometheus' text format), and the metric names the
 * README gives.
 */
final class PrometheusText {
  /** One line: a series (name and labels, as written) and its value. */
  record Sample(String name, String series, double value) {}

  private static final Pattern LINE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+)(\\s+\\d+)?$");

  private final List<Sample> samples;
  private final String text;

  private PrometheusText(List<Sample> samples, String text) {
    this.samples = samples;
    this.text = text;
  }

  static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.lines().toList()) {
      // Ours only: the Kafka clients' own metrics are theirs to format.
      if (!line.startsWith("judge_")) {
        continue;
      }
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException("not a Prometheus sample: " + line);
      }
      String labels = m.group(2) == null ? "" : m.group(2);
      samples.add(new Sample(m.group(1), m.group(1) + labels, parseValue(m.group(3))));
    }
    return new PrometheusText(samples, text);
  }

  private static double parseValue(String value) {
    return switch (value) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(value);
    };
  }

  /**
   * The samples of metric {@code name}: its own series, and a histogram's or a summary's ({@code
   * _bucket}, {@code _count}, {@code _sum}, {@code _max}).
   */
  List<Sample> samplesOf(String name) {
    return samples.stream()
        .filter(
            s ->
                s.name().equals(name)
                    || List.of("_bucket", "_count", "_sum", "_max").stream()
                        .anyMatch(suffix -> s.name().equals(name + suffix)))
        .toList();
  }

  /** The value of one series, written as in the page ({@code name{label="v",...}}). */
  double value(String series) {
    return samples.stream()
        .filter(s -> s.series().equals(series))
        .findFirst()
        .orElseThrow(() -> new AssertionError(series + " is not in /q/metrics:\n" + text))
        .value();
  }

  /** The {@code judge_*} metric names the README's /q/metrics entry lists. */
  static List<String> namesInReadme(Path readme) throws IOException {
    String text = Files.readString(readme);
    int start = text.indexOf("- `/q/metrics`");
    if (start < 0) {
      throw new AssertionError("the README has no /q/metrics entry");
    }
    int end = text.indexOf("\n- ", start + 1);
    String entry = text.substring(start, end < 0 ? text.length() : end);
    TreeSet<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("`(judge_[a-z_]+)(\\{[^}`]*\\})?`").matcher(entry);
    while (m.find()) {
      names.add(m.group(1));
    }
    if (names.isEmpty()) {
      throw new AssertionError("the README's /q/metrics entry names no metric:\n" + entry);
    }
    return List.copyOf(names);
  }

  @Override
  public String toString() {
    return text;
  }
}
