package dev.judgefleet.worker.cli.load;

import java.util.OptionalDouble;

/**
 * Reads values out of the Prometheus text format ({@code /q/metrics}): {@code name{labels} value}
 * per line, {@code #} lines are comments.
 */
final class PrometheusText {
  private PrometheusText() {}

  /**
   * The sum of every series of metric {@code name} whose labels contain {@code labelPart} (empty:
   * any), skipping NaN; empty when there is no such series.
   */
  static OptionalDouble sum(String text, String name, String labelPart) {
    double sum = 0;
    boolean found = false;
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || !line.startsWith(name)) {
        continue;
      }
      String rest = line.substring(name.length());
      String labels = "";
      if (rest.startsWith("{")) {
        int close = rest.lastIndexOf('}');
        if (close < 0) {
          continue;
        }
        labels = rest.substring(1, close);
        rest = rest.substring(close + 1);
      } else if (!rest.startsWith(" ")) {
        // Another metric whose name starts with this one.
        continue;
      }
      if (!labels.contains(labelPart)) {
        continue;
      }
      String[] fields = rest.trim().split("\\s+");
      double value;
      try {
        value = Double.parseDouble(fields[0]);
      } catch (NumberFormatException e) {
        continue;
      }
      if (!Double.isNaN(value)) {
        sum += value;
        found = true;
      }
    }
    return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
  }
}
