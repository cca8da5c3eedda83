package dev.judgefleet.worker.cli.load;

import java.util.List;
import java.util.Map;

/**
 * The figures of one load run, as {@code judge load} writes them to JSON and draws them in HTML.
 * Latency is queue-to-verdict: from handing a submission to the producer to its verdict's arrival.
 * Figures other than the timeline leave out the warm-up (submissions sent during it).
 *
 * @param startedAt when the run started (ISO-8601)
 * @param bootstrap the Kafka bootstrap servers
 * @param mode "open-loop Poisson R/s" or "closed-loop concurrency C"
 * @param durationSeconds how long submissions were sent, warm-up included
 * @param warmupSeconds the warm-up at the start
 * @param sent submissions sent (warm-up included)
 * @param measured verdicts of submissions sent after the warm-up
 * @param missing submissions without a verdict when the run ended
 * @param wrong verdicts other than expected (warm-up included: a wrong verdict is never noise)
 * @param duplicates verdicts beyond the first for one submission
 * @param throughputPerSecond measured verdicts per second, from the warm-up's end to the last one
 * @param latency percentiles of the measured verdicts
 * @param judging the workers' own judging time of the same verdicts ({@code judgeMs}): latency less
 *     this is time in the queue and in transit
 * @param byNode the same per judging node
 * @param byItem per workload item: count, wrong and latency
 * @param byVerdict measured verdicts by code
 * @param percentileCurve latency at percentiles from 0 to 99.99
 * @param timeline per second of the run: verdicts that arrived and their latency
 * @param metrics the workers' busy slots and consumer lag, sampled during the run
 * @param mismatches the first wrong or missing ones, with what was expected
 * @param backlog the rejudges queued before the run ({@code --rejudge-backlog}), and how many of
 *     them were judged while it ran
 */
public record LoadReport(
    String startedAt,
    String bootstrap,
    String mode,
    double durationSeconds,
    double warmupSeconds,
    long sent,
    long measured,
    long missing,
    long wrong,
    long duplicates,
    double throughputPerSecond,
    Latency latency,
    Latency judging,
    Map<String, Latency> byNode,
    Map<String, ItemFigures> byItem,
    Map<String, Long> byVerdict,
    List<PercentilePoint> percentileCurve,
    List<Second> timeline,
    List<MetricSample> metrics,
    List<Mismatch> mismatches,
    Backlog backlog) {

  /** A run without a rejudge backlog. */
  public LoadReport(
      String startedAt,
      String bootstrap,
      String mode,
      double durationSeconds,
      double warmupSeconds,
      long sent,
      long measured,
      long missing,
      long wrong,
      long duplicates,
      double throughputPerSecond,
      Latency latency,
      Latency judging,
      Map<String, Latency> byNode,
      Map<String, ItemFigures> byItem,
      Map<String, Long> byVerdict,
      List<PercentilePoint> percentileCurve,
      List<Second> timeline,
      List<MetricSample> metrics,
      List<Mismatch> mismatches) {
    this(
        startedAt,
        bootstrap,
        mode,
        durationSeconds,
        warmupSeconds,
        sent,
        measured,
        missing,
        wrong,
        duplicates,
        throughputPerSecond,
        latency,
        judging,
        byNode,
        byItem,
        byVerdict,
        percentileCurve,
        timeline,
        metrics,
        mismatches,
        Backlog.NONE);
  }

  public LoadReport {
    backlog = backlog == null ? Backlog.NONE : backlog;
    byNode = Map.copyOf(byNode);
    byItem = Map.copyOf(byItem);
    byVerdict = Map.copyOf(byVerdict);
    percentileCurve = List.copyOf(percentileCurve);
    timeline = List.copyOf(timeline);
    metrics = List.copyOf(metrics);
    mismatches = List.copyOf(mismatches);
  }

  /** True when every submission got its expected verdict. */
  public boolean allAsExpected() {
    return missing == 0 && wrong == 0;
  }

  /**
   * Rejudges sent to the low lane before the run, and those whose verdicts came while it ran (from
   * its first submission to its last verdict): what live work left the rejudges.
   */
  public record Backlog(long queued, long judgedDuringRun) {
    public static final Backlog NONE = new Backlog(0, 0);
  }

  /** Latency percentiles in milliseconds, over {@code count} verdicts. */
  public record Latency(
      long count, double meanMs, long p50Ms, long p90Ms, long p99Ms, long p999Ms, long maxMs) {}

  /** One workload item's share. */
  public record ItemFigures(String expected, long count, long wrong, Latency latency) {}

  /** The latency below which {@code percentile} % of the measured verdicts came. */
  public record PercentilePoint(double percentile, long latencyMs) {}

  /** Verdicts that arrived during second {@code second} of the run, and their latency. */
  public record Second(int second, long verdicts, long p50Ms, long p99Ms, long maxMs) {}

  /** A submission whose verdict was not the expected one, or never came ({@code actual} null). */
  public record Mismatch(
      String submissionId, String item, String expected, String actual, String node) {}
}
