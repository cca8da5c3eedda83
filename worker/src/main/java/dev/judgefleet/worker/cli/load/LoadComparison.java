package dev.judgefleet.worker.cli.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Two load runs side by side ({@code judge load --compare A.json B.json}): B against A. */
public final class LoadComparison {
  /** One figure in both runs; {@code changePercent} is B relative to A, NaN when A is 0. */
  public record Row(String figure, double a, double b, double changePercent) {}

  private LoadComparison() {}

  public static List<Row> rows(LoadReport a, LoadReport b) {
    List<Row> rows = new ArrayList<>();
    add(rows, "sent", a.sent(), b.sent());
    add(rows, "measured verdicts", a.measured(), b.measured());
    add(rows, "throughput /s", a.throughputPerSecond(), b.throughputPerSecond());
    add(rows, "latency mean ms", a.latency().meanMs(), b.latency().meanMs());
    add(rows, "latency p50 ms", a.latency().p50Ms(), b.latency().p50Ms());
    add(rows, "latency p90 ms", a.latency().p90Ms(), b.latency().p90Ms());
    add(rows, "latency p99 ms", a.latency().p99Ms(), b.latency().p99Ms());
    add(rows, "latency p99.9 ms", a.latency().p999Ms(), b.latency().p999Ms());
    add(rows, "latency max ms", a.latency().maxMs(), b.latency().maxMs());
    add(rows, "judging p50 ms", a.judging().p50Ms(), b.judging().p50Ms());
    add(rows, "judging p99 ms", a.judging().p99Ms(), b.judging().p99Ms());
    add(rows, "wrong", a.wrong(), b.wrong());
    add(rows, "missing", a.missing(), b.missing());
    add(rows, "duplicates", a.duplicates(), b.duplicates());
    add(rows, "rejudge backlog", a.backlog().queued(), b.backlog().queued());
    add(
        rows,
        "rejudges judged in run",
        a.backlog().judgedDuringRun(),
        b.backlog().judgedDuringRun());
    TreeSet<String> nodes = new TreeSet<>(a.byNode().keySet());
    nodes.addAll(b.byNode().keySet());
    for (String node : nodes) {
      LoadReport.Latency la = a.byNode().get(node);
      LoadReport.Latency lb = b.byNode().get(node);
      add(
          rows,
          "node " + node + " verdicts",
          la == null ? 0 : la.count(),
          lb == null ? 0 : lb.count());
      add(
          rows,
          "node " + node + " p99 ms",
          la == null ? 0 : la.p99Ms(),
          lb == null ? 0 : lb.p99Ms());
    }
    return rows;
  }

  /** The rows as an aligned table with a header naming the two runs. */
  public static String table(String nameA, LoadReport a, String nameB, LoadReport b) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "A: %s  (%s, %s)%n", nameA, a.mode(), a.startedAt()));
    out.append(String.format(Locale.ROOT, "B: %s  (%s, %s)%n", nameB, b.mode(), b.startedAt()));
    out.append(String.format(Locale.ROOT, "%-28s %12s %12s %9s%n", "figure", "A", "B", "B vs A"));
    for (Row r : rows(a, b)) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-28s %12s %12s %9s%n",
              r.figure(),
              number(r.a()),
              number(r.b()),
              Double.isNaN(r.changePercent())
                  ? "-"
                  : String.format(Locale.ROOT, "%+.1f%%", r.changePercent())));
    }
    return out.toString();
  }

  private static void add(List<Row> rows, String figure, double a, double b) {
    rows.add(new Row(figure, a, b, a == 0 ? Double.NaN : (b - a) / a * 100));
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
