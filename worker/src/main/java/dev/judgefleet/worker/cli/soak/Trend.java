package dev.judgefleet.worker.cli.soak;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * One metric over a soak: first and last value, the least-squares slope per 1 000 submissions, the
 * scatter around that line, and whether it grew beyond noise: the fitted growth over the run
 * exceeds a floor for the metric plus a multiple of the scatter.
 *
 * @param metric its name
 * @param start its first sample
 * @param end its last sample
 * @param slopePerThousand the fitted change per 1 000 submissions
 * @param growth the fitted change over the whole run (slope times the submissions spanned)
 * @param scatter the residuals' standard deviation
 * @param allowed the growth allowed: floor + {@link #SCATTERS} scatters
 */
public record Trend(
    String metric,
    double start,
    double end,
    double slopePerThousand,
    double growth,
    double scatter,
    double allowed) {

  /** How many scatters of growth count as noise. */
  public static final double SCATTERS = 3;

  public boolean grew() {
    return growth > allowed;
  }

  /** Fits a metric of the samples; the first {@code skip} (warm-up) are left out of the fit. */
  public static Trend fit(
      String metric,
      List<ProcessSample> samples,
      ToDoubleFunction<ProcessSample> value,
      double floor,
      int skip) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples of " + metric);
    }
    List<ProcessSample> fitted =
        samples.size() - skip >= 3 ? samples.subList(skip, samples.size()) : samples;
    int n = fitted.size();
    double meanX = 0;
    double meanY = 0;
    for (ProcessSample s : fitted) {
      meanX += s.submissions();
      meanY += value.applyAsDouble(s);
    }
    meanX /= n;
    meanY /= n;
    double sxx = 0;
    double sxy = 0;
    for (ProcessSample s : fitted) {
      double dx = s.submissions() - meanX;
      sxx += dx * dx;
      sxy += dx * (value.applyAsDouble(s) - meanY);
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    double residuals = 0;
    for (ProcessSample s : fitted) {
      double r = value.applyAsDouble(s) - (meanY + slope * (s.submissions() - meanX));
      residuals += r * r;
    }
    double scatter = n > 2 ? Math.sqrt(residuals / (n - 2)) : 0;
    double span = fitted.get(n - 1).submissions() - fitted.get(0).submissions();
    return new Trend(
        metric,
        value.applyAsDouble(samples.get(0)),
        value.applyAsDouble(samples.get(samples.size() - 1)),
        slope * 1000,
        slope * span,
        scatter,
        floor + SCATTERS * scatter);
  }

  /** {@code fds 41 -> 43 slope +0.9/1000 (allowed growth 16.0) ok}. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "%-12s %12.0f -> %-12.0f slope %+.2f/1000  growth %+.1f (allowed %.1f)  %s",
        metric,
        start,
        end,
        slopePerThousand,
        growth,
        allowed,
        grew() ? "GREW" : "ok");
  }
}
