package dev.judgefleet.worker.cli;

import java.util.List;

/**
 * Mean, spread and range of repeated CPU-time measurements of one program, in milliseconds.
 *
 * @param runs how many
 * @param meanMs their mean
 * @param sdMs their sample standard deviation (n - 1)
 * @param minMs the smallest
 * @param maxMs the largest
 */
record TimingStats(int runs, double meanMs, double sdMs, double minMs, double maxMs) {
  TimingStats {
    if (runs < 2) {
      throw new IllegalArgumentException("a spread needs at least 2 runs, not " + runs);
    }
  }

  static TimingStats of(List<Double> millis) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double m : millis) {
      sum += m;
      min = Math.min(min, m);
      max = Math.max(max, m);
    }
    double mean = sum / millis.size();
    double squares = 0;
    for (double m : millis) {
      squares += (m - mean) * (m - mean);
    }
    return new TimingStats(millis.size(), mean, Math.sqrt(squares / (millis.size() - 1)), min, max);
  }

  /** Coefficient of variation: the standard deviation as a percentage of the mean. */
  double cvPercent() {
    return meanMs == 0 ? 0 : sdMs / meanMs * 100;
  }

  /** How far {@code other}'s mean lies from this one's, as a percentage of this one's. */
  double shiftPercent(TimingStats other) {
    return meanMs == 0 ? 0 : (other.meanMs - meanMs) / meanMs * 100;
  }
}
