package dev.judgefleet.worker.cli.load;

import dev.judgefleet.worker.cli.load.LoadReport.ItemFigures;
import dev.judgefleet.worker.cli.load.LoadReport.Latency;
import dev.judgefleet.worker.cli.load.LoadReport.Mismatch;
import dev.judgefleet.worker.cli.load.LoadReport.PercentilePoint;
import dev.judgefleet.worker.cli.load.LoadReport.Second;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Turns what a load run saw into its report's figures: one place computes them, so the terminal,
 * the JSON and the HTML never disagree.
 */
public final class LoadFigures {
  /** Mismatches listed one by one; the counts cover all of them. */
  static final int MAX_MISMATCHES = 100;

  private static final double[] CURVE = {
    0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 92.5, 95, 97.5, 99, 99.5, 99.9, 99.99, 100
  };

  private LoadFigures() {}

  /** The run's facts, as the generator collected them. */
  public record Run(
      String startedAt,
      String bootstrap,
      String mode,
      long durationNanos,
      long warmupNanos,
      long sent,
      long duplicates,
      List<Outcome> outcomes,
      List<Mismatch> missing,
      List<MetricSample> metrics,
      LoadReport.Backlog backlog) {
    /** A run without a rejudge backlog. */
    public Run(
        String startedAt,
        String bootstrap,
        String mode,
        long durationNanos,
        long warmupNanos,
        long sent,
        long duplicates,
        List<Outcome> outcomes,
        List<Mismatch> missing,
        List<MetricSample> metrics) {
      this(
          startedAt,
          bootstrap,
          mode,
          durationNanos,
          warmupNanos,
          sent,
          duplicates,
          outcomes,
          missing,
          metrics,
          LoadReport.Backlog.NONE);
    }

    public Run {
      outcomes = List.copyOf(outcomes);
      missing = List.copyOf(missing);
      metrics = List.copyOf(metrics);
    }
  }

  public static LoadReport of(Run run) {
    Histogram all = histogram();
    Histogram judging = histogram();
    Map<String, Histogram> byNode = new TreeMap<>();
    Map<String, Histogram> byItem = new TreeMap<>();
    Map<String, long[]> itemCounts = new TreeMap<>();
    Map<String, String> itemExpected = new TreeMap<>();
    Map<String, Long> byVerdict = new TreeMap<>();
    Map<Integer, Histogram> seconds = new TreeMap<>();
    List<Mismatch> mismatches = new ArrayList<>();
    long wrong = 0;
    long lastMeasuredNanos = run.warmupNanos();
    for (Outcome o : run.outcomes()) {
      long ms = o.latencyMs();
      seconds
          .computeIfAbsent((int) (o.receivedNanos() / 1_000_000_000L), s -> histogram())
          .recordValue(ms);
      if (!o.asExpected()) {
        wrong++;
        if (mismatches.size() < MAX_MISMATCHES) {
          mismatches.add(
              new Mismatch(
                  o.submissionId(), o.item(), o.expected().name(), o.actual().name(), o.node()));
        }
      }
      if (o.sentNanos() < run.warmupNanos()) {
        continue;
      }
      all.recordValue(ms);
      judging.recordValue(Math.max(0, o.judgeMs()));
      byNode.computeIfAbsent(o.node(), n -> histogram()).recordValue(ms);
      byItem.computeIfAbsent(o.item(), n -> histogram()).recordValue(ms);
      long[] counts = itemCounts.computeIfAbsent(o.item(), n -> new long[2]);
      counts[0]++;
      counts[1] += o.asExpected() ? 0 : 1;
      itemExpected.put(o.item(), o.expected().name());
      byVerdict.merge(o.actual().name(), 1L, Long::sum);
      lastMeasuredNanos = Math.max(lastMeasuredNanos, o.receivedNanos());
    }
    for (Mismatch m : run.missing()) {
      if (mismatches.size() < MAX_MISMATCHES) {
        mismatches.add(m);
      }
    }
    double measuredSeconds = (lastMeasuredNanos - run.warmupNanos()) / 1e9;
    double throughput = measuredSeconds > 0 ? all.getTotalCount() / measuredSeconds : 0;
    Map<String, Latency> nodes = new TreeMap<>();
    byNode.forEach((node, h) -> nodes.put(node, latency(h)));
    Map<String, ItemFigures> items = new TreeMap<>();
    byItem.forEach(
        (item, h) ->
            items.put(
                item,
                new ItemFigures(
                    itemExpected.get(item),
                    itemCounts.get(item)[0],
                    itemCounts.get(item)[1],
                    latency(h))));
    List<PercentilePoint> curve = new ArrayList<>();
    if (all.getTotalCount() > 0) {
      for (double p : CURVE) {
        curve.add(new PercentilePoint(p, all.getValueAtPercentile(p)));
      }
    }
    List<Second> timeline = new ArrayList<>();
    seconds.forEach(
        (s, h) ->
            timeline.add(
                new Second(
                    s,
                    h.getTotalCount(),
                    h.getValueAtPercentile(50),
                    h.getValueAtPercentile(99),
                    h.getMaxValue())));
    return new LoadReport(
        run.startedAt(),
        run.bootstrap(),
        run.mode(),
        round(run.durationNanos() / 1e9, 2),
        round(run.warmupNanos() / 1e9, 2),
        run.sent(),
        all.getTotalCount(),
        run.missing().size(),
        wrong,
        run.duplicates(),
        round(throughput, 2),
        latency(all),
        latency(judging),
        nodes,
        items,
        byVerdict,
        curve,
        timeline,
        run.metrics(),
        mismatches,
        run.backlog());
  }

  static Latency latency(Histogram h) {
    if (h.getTotalCount() == 0) {
      return new Latency(0, 0, 0, 0, 0, 0, 0);
    }
    return new Latency(
        h.getTotalCount(),
        round(h.getMean(), 1),
        h.getValueAtPercentile(50),
        h.getValueAtPercentile(90),
        h.getValueAtPercentile(99),
        h.getValueAtPercentile(99.9),
        h.getMaxValue());
  }

  private static Histogram histogram() {
    // Milliseconds with 3 significant digits: exact below 1 s, within 0.1 % above.
    return new Histogram(3);
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
