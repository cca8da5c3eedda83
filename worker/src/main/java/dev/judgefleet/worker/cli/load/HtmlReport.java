package dev.judgefleet.worker.cli.load;

import dev.judgefleet.worker.cli.load.LoadReport.ItemFigures;
import dev.judgefleet.worker.cli.load.LoadReport.Latency;
import dev.judgefleet.worker.cli.load.LoadReport.Mismatch;
import dev.judgefleet.worker.cli.load.LoadReport.PercentilePoint;
import dev.judgefleet.worker.cli.load.LoadReport.Second;
import dev.judgefleet.worker.cli.load.SvgChart.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * A load run's report as one self-contained HTML page: tables and inline SVG charts, no script and
 * nothing fetched, so it reads the same from a file, a CI artifact or a mail.
 */
public final class HtmlReport {
  /** Percentile-curve x axis: -log10(1 - p), so 90, 99, 99.9 and 99.99 are evenly spaced. */
  private static final double[] NINES = {0, 1, 2, 3, 4};

  private HtmlReport() {}

  public static String render(LoadReport r) {
    StringBuilder html = new StringBuilder();
    html.append(
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>judge load report</title>
        <style>
        body{font-family:sans-serif;margin:2em;max-width:60em;color:#222}
        table{border-collapse:collapse;margin:0.5em 0 1.5em}
        td,th{border:1px solid #ccc;padding:0.2em 0.6em;text-align:right}
        th:first-child,td:first-child{text-align:left}
        .bad{color:#b00;font-weight:bold}.ok{color:#070;font-weight:bold}
        </style></head><body>
        """);
    html.append("<h1>judge load</h1>\n<p>")
        .append(Html.escape(r.mode()))
        .append(" for ")
        .append(r.durationSeconds())
        .append(" s (warm-up ")
        .append(r.warmupSeconds())
        .append(" s) against ")
        .append(Html.escape(r.bootstrap()))
        .append(", started ")
        .append(Html.escape(r.startedAt()))
        .append(".</p>\n");
    String status = r.allAsExpected() ? "ok" : "bad";
    html.append("<p class=\"")
        .append(status)
        .append("\">")
        .append(
            String.format(
                Locale.ROOT,
                "sent %d, missing %d, wrong %d, duplicates %d",
                r.sent(),
                r.missing(),
                r.wrong(),
                r.duplicates()))
        .append("</p>\n");
    html.append("<h2>Summary (after warm-up)</h2>\n<table>");
    row(html, "th", "", "verdicts", "per second", "mean ms", "p50", "p90", "p99", "p99.9", "max");
    latencyRow(html, "all nodes", r.latency(), r.throughputPerSecond());
    latencyRow(html, "judging only (the workers' judgeMs)", r.judging(), Double.NaN);
    r.byNode().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> latencyRow(html, "node " + e.getKey(), e.getValue(), Double.NaN));
    html.append("</table>\n");
    html.append("<h2>Workload items</h2>\n<table>");
    row(html, "th", "item", "expected", "count", "wrong", "p50 ms", "p99 ms", "max ms");
    r.byItem().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              ItemFigures f = e.getValue();
              row(
                  html,
                  "td",
                  e.getKey(),
                  f.expected(),
                  Long.toString(f.count()),
                  Long.toString(f.wrong()),
                  Long.toString(f.latency().p50Ms()),
                  Long.toString(f.latency().p99Ms()),
                  Long.toString(f.latency().maxMs()));
            });
    html.append("</table>\n<p>Verdicts: ")
        .append(Html.escape(new TreeMap<>(r.byVerdict()).toString()));
    html.append("</p>\n<h2>Charts</h2>\n");
    html.append(latencyOverTime(r));
    html.append(percentileCurve(r));
    html.append(throughput(r));
    html.append(perTarget(r, "Busy slots per worker", "busy slots", MetricSample::busySlots));
    html.append(
        perTarget(r, "Consumer lag per worker (submissions behind)", "records", s -> s.lag()));
    if (!r.mismatches().isEmpty()) {
      html.append("<h2>Wrong or missing verdicts</h2>\n<table>");
      row(html, "th", "submission", "item", "expected", "got", "node");
      for (Mismatch m : r.mismatches()) {
        row(
            html,
            "td",
            m.submissionId(),
            m.item(),
            m.expected(),
            m.actual() == null ? "(none)" : m.actual(),
            m.node() == null ? "" : m.node());
      }
      html.append("</table>\n");
    }
    html.append("</body></html>\n");
    return html.toString();
  }

  private static String latencyOverTime(LoadReport r) {
    List<double[]> p50 = new ArrayList<>();
    List<double[]> p99 = new ArrayList<>();
    List<double[]> max = new ArrayList<>();
    for (Second s : r.timeline()) {
      p50.add(new double[] {s.second(), s.p50Ms()});
      p99.add(new double[] {s.second(), s.p99Ms()});
      max.add(new double[] {s.second(), s.maxMs()});
    }
    return SvgChart.draw(
        "Queue-to-verdict latency over time (grey: warm-up)",
        "seconds since start (by verdict arrival)",
        "ms",
        List.of(new Series("p50", p50), new Series("p99", p99), new Series("max", max)),
        r.warmupSeconds(),
        null,
        x -> String.format(Locale.ROOT, "%.0f", x));
  }

  private static String percentileCurve(LoadReport r) {
    List<double[]> points = new ArrayList<>();
    for (PercentilePoint p : r.percentileCurve()) {
      if (p.percentile() < 100) {
        points.add(new double[] {-Math.log10(1 - p.percentile() / 100), p.latencyMs()});
      }
    }
    return SvgChart.draw(
        "Latency by percentile (after warm-up)",
        "percentile",
        "ms",
        List.of(new Series("latency", points)),
        0,
        NINES,
        x -> {
          double p = 100 * (1 - Math.pow(10, -x));
          return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p) : Double.toString(p);
        });
  }

  private static String throughput(LoadReport r) {
    List<double[]> points = new ArrayList<>();
    for (Second s : r.timeline()) {
      points.add(new double[] {s.second(), s.verdicts()});
    }
    return SvgChart.draw(
        "Throughput (grey: warm-up)",
        "seconds since start",
        "verdicts per second",
        List.of(new Series("verdicts/s", points)),
        r.warmupSeconds(),
        null,
        x -> String.format(Locale.ROOT, "%.0f", x));
  }

  private static String perTarget(
      LoadReport r, String title, String unit, ToDoubleFunction<MetricSample> value) {
    if (r.metrics().isEmpty()) {
      return "<p>"
          + Html.escape(title)
          + ": not sampled (give <code>--metrics</code> the workers' HTTP addresses).</p>\n";
    }
    Map<String, List<double[]>> lines = new TreeMap<>();
    for (MetricSample s : r.metrics()) {
      double v = value.applyAsDouble(s);
      if (v >= 0) {
        lines
            .computeIfAbsent(s.target(), t -> new ArrayList<>())
            .add(new double[] {s.atSeconds(), v});
      }
    }
    List<Series> series = new ArrayList<>();
    lines.forEach((target, points) -> series.add(new Series(target, points)));
    return SvgChart.draw(
        title,
        "seconds since start",
        unit,
        series,
        r.warmupSeconds(),
        null,
        x -> String.format(Locale.ROOT, "%.0f", x));
  }

  private static void latencyRow(StringBuilder html, String name, Latency l, double perSecond) {
    row(
        html,
        "td",
        name,
        Long.toString(l.count()),
        Double.isNaN(perSecond) ? "" : String.format(Locale.ROOT, "%.2f", perSecond),
        String.format(Locale.ROOT, "%.1f", l.meanMs()),
        Long.toString(l.p50Ms()),
        Long.toString(l.p90Ms()),
        Long.toString(l.p99Ms()),
        Long.toString(l.p999Ms()),
        Long.toString(l.maxMs()));
  }

  private static void row(StringBuilder html, String cell, String... values) {
    html.append("<tr>");
    for (String v : values) {
      html.append('<')
          .append(cell)
          .append('>')
          .append(Html.escape(v))
          .append("</")
          .append(cell)
          .append('>');
    }
    html.append("</tr>\n");
  }
}
