package dev.judgefleet.worker.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.cli.load.LoadReport.Mismatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadFiguresTest {
  private static final long S = 1_000_000_000L;
  private static final long MS = 1_000_000L;

  private static Outcome outcome(
      int i,
      String item,
      Verdict expected,
      Verdict actual,
      String node,
      long sent,
      long latencyMs) {
    return new Outcome("s" + i, item, expected, actual, node, sent, sent + latencyMs * MS, 5);
  }

  private static LoadReport report(List<Outcome> outcomes, long warmup, List<Mismatch> missing) {
    return LoadFigures.of(
        new LoadFigures.Run(
            "2026-12-05T05:00:00Z",
            "localhost:9092",
            "open-loop Poisson 1.00/s",
            10 * S,
            warmup,
            outcomes.size() + missing.size(),
            2,
            outcomes,
            missing,
            List.of()));
  }

  @Test
  void percentilesThroughputAndNodesLeaveOutTheWarmUp() {
    List<Outcome> outcomes = new ArrayList<>();
    // Warm-up: sent in the first 2 s, slow (a cold cache); never in the figures.
    outcomes.add(outcome(0, "a", Verdict.AC, Verdict.AC, "w1", 0, 9_000));
    outcomes.add(outcome(1, "a", Verdict.AC, Verdict.AC, "w2", 1 * S, 9_000));
    // Measured: 100 verdicts, latencies 1..100 ms, alternating nodes, arriving by 2 s + 100*40 ms.
    for (int i = 1; i <= 100; i++) {
      outcomes.add(
          outcome(
              100 + i,
              "a",
              Verdict.AC,
              Verdict.AC,
              i % 2 == 0 ? "w1" : "w2",
              2 * S + i * 40 * MS,
              i));
    }
    LoadReport r = report(outcomes, 2 * S, List.of());
    assertEquals(100, r.measured());
    assertEquals(102, r.sent());
    assertEquals(50, r.latency().p50Ms());
    assertEquals(90, r.latency().p90Ms());
    assertEquals(99, r.latency().p99Ms());
    assertEquals(100, r.latency().maxMs());
    assertEquals(50.5, r.latency().meanMs());
    // Every outcome here was judged in 5 ms; the warm-up's are not counted.
    assertEquals(100, r.judging().count());
    assertEquals(5, r.judging().p99Ms());
    // Last measured verdict: sent at 2 s + 4 s, 100 ms latency: 100 verdicts in 4.1 s.
    assertEquals(Math.round(100 / 4.1 * 100) / 100.0, r.throughputPerSecond());
    assertEquals(
        Map.of("w1", 50L, "w2", 50L),
        Map.of("w1", r.byNode().get("w1").count(), "w2", r.byNode().get("w2").count()));
    assertEquals(100, r.byNode().get("w1").maxMs());
    assertEquals(99, r.byNode().get("w2").maxMs());
    assertEquals(Map.of("AC", 100L), r.byVerdict());
    assertEquals(2.0, r.warmupSeconds());
    assertEquals(10.0, r.durationSeconds());
    assertEquals(2, r.duplicates());
    assertTrue(r.allAsExpected());
    // The curve is monotone, starts at the minimum and ends at the maximum.
    assertEquals(1, r.percentileCurve().get(0).latencyMs());
    assertEquals(100, r.percentileCurve().get(r.percentileCurve().size() - 1).latencyMs());
    for (int i = 1; i < r.percentileCurve().size(); i++) {
      assertTrue(
          r.percentileCurve().get(i).latencyMs() >= r.percentileCurve().get(i - 1).latencyMs());
    }
  }

  @Test
  void theTimelineCountsEveryVerdictBySecondOfArrivalWarmUpIncluded() {
    List<Outcome> outcomes =
        List.of(
            outcome(0, "a", Verdict.AC, Verdict.AC, "w1", 0, 300),
            outcome(1, "a", Verdict.AC, Verdict.AC, "w1", 500 * MS, 400),
            outcome(2, "a", Verdict.AC, Verdict.AC, "w1", 2 * S, 1_500));
    LoadReport r = report(outcomes, 1 * S, List.of());
    assertEquals(2, r.timeline().size());
    assertEquals(new LoadReport.Second(0, 2, 300, 400, 400), r.timeline().get(0));
    assertEquals(new LoadReport.Second(3, 1, 1_500, 1_500, 1_500), r.timeline().get(1));
  }

  @Test
  void wrongAndMissingVerdictsAreCountedAndListedWarmUpIncluded() {
    List<Outcome> outcomes =
        List.of(
            outcome(0, "tle", Verdict.TLE, Verdict.AC, "w1", 0, 10),
            outcome(1, "ac", Verdict.AC, Verdict.AC, "w2", 3 * S, 10),
            outcome(2, "tle", Verdict.TLE, Verdict.TLE, "w2", 4 * S, 10),
            outcome(3, "tle", Verdict.TLE, Verdict.WA, "w1", 5 * S, 10));
    List<Mismatch> missing = List.of(new Mismatch("s9", "ac", "AC", null, null));
    LoadReport r = report(outcomes, 1 * S, missing);
    assertEquals(2, r.wrong());
    assertEquals(1, r.missing());
    assertFalse(r.allAsExpected());
    assertEquals(
        List.of(
            new Mismatch("s0", "tle", "TLE", "AC", "w1"),
            new Mismatch("s3", "tle", "TLE", "WA", "w1"),
            new Mismatch("s9", "ac", "AC", null, null)),
        r.mismatches());
    assertEquals(2, r.byItem().get("tle").count());
    assertEquals(1, r.byItem().get("tle").wrong());
    assertEquals("TLE", r.byItem().get("tle").expected());
    assertNull(r.byItem().get("missing"));
    assertEquals(Map.of("AC", 1L, "TLE", 1L, "WA", 1L), r.byVerdict());
  }

  @Test
  void anEmptyRunHasZeroFiguresNotAnError() {
    LoadReport r = report(List.of(), 0, List.of());
    assertEquals(0, r.measured());
    assertEquals(0, r.throughputPerSecond());
    assertEquals(0, r.latency().p99Ms());
    assertTrue(r.percentileCurve().isEmpty());
  }
}
