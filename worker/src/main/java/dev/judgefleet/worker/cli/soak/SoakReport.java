package dev.judgefleet.worker.cli.soak;

import dev.judgefleet.worker.cli.load.LoadReport;
import java.util.List;

/**
 * A soak's report.
 *
 * @param pid the worker process sampled
 * @param samples every sample, in order
 * @param trends one per metric
 * @param load the load's own figures (every verdict checked)
 */
public record SoakReport(
    long pid, List<ProcessSample> samples, List<Trend> trends, LoadReport load) {
  public SoakReport {
    samples = List.copyOf(samples);
    trends = List.copyOf(trends);
  }

  /** Whether nothing grew and every verdict was the expected one. */
  public boolean held() {
    return trends.stream().noneMatch(Trend::grew) && load.allAsExpected();
  }
}
