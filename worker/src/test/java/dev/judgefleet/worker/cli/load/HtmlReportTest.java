package dev.judgefleet.worker.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static final long MS = 1_000_000L;

  static LoadReport sample(String hostileNode) {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String node = i % 2 == 0 ? "w1" : hostileNode;
      long sent = i * 250 * MS;
      outcomes.add(
          new Outcome(
              "s" + i,
              "c-ac",
              Verdict.AC,
              i == 7 ? Verdict.WA : Verdict.AC,
              node,
              sent,
              sent + (100 + i) * MS,
              50));
    }
    List<MetricSample> metrics =
        List.of(
            new MetricSample("127.0.0.1:8580", 0, 0, 1, 0),
            new MetricSample("127.0.0.1:8580", 1, 1, 1, 3),
            new MetricSample("127.0.0.1:8581", 1, 1, 1, -1));
    return LoadFigures.of(
        new LoadFigures.Run(
            "2026-12-05T05:00:00Z",
            "localhost:9092",
            "open-loop Poisson 4.00/s",
            10_000 * MS,
            2_000 * MS,
            40,
            0,
            outcomes,
            List.of(),
            metrics));
  }

  @Test
  void isOnePageWithItsChartsInlineAndNothingToFetch() {
    String html = HtmlReport.render(sample("w2"));
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertEquals(5, count(html, "<svg "), "latency, percentiles, throughput, busy slots, lag");
    for (String title :
        List.of(
            "Queue-to-verdict latency over time",
            "Latency by percentile",
            "Throughput",
            "Busy slots per worker",
            "Consumer lag per worker")) {
      assertTrue(html.contains(title), title);
    }
    // Self-contained: no script, stylesheet, image or font from anywhere.
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("src="));
    assertFalse(html.contains("href="));
    assertFalse(Pattern.compile("url\\(").matcher(html).find());
    assertTrue(html.contains("wrong 1"), "the mismatch count is on the page");
    assertTrue(html.contains("<td>s7</td><td>c-ac</td><td>AC</td><td>WA</td>"));
    assertTrue(html.contains("node w1"));
    // A worker that never reported lag (-1) has no lag line, but the other one does.
    assertTrue(html.contains(">127.0.0.1:8581</text>"));
  }

  @Test
  void escapesNamesThatComeFromTheWire() {
    String html = HtmlReport.render(sample("<script>alert(1)</script>"));
    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("node &lt;script&gt;alert(1)&lt;/script&gt;"));
  }

  @Test
  void withoutMetricsSaysHowToGetThem() {
    LoadReport r = sample("w2");
    LoadReport none =
        new LoadReport(
            r.startedAt(),
            r.bootstrap(),
            r.mode(),
            r.durationSeconds(),
            r.warmupSeconds(),
            r.sent(),
            r.measured(),
            r.missing(),
            r.wrong(),
            r.duplicates(),
            r.throughputPerSecond(),
            r.latency(),
            r.judging(),
            r.byNode(),
            r.byItem(),
            r.byVerdict(),
            r.percentileCurve(),
            r.timeline(),
            List.of(),
            r.mismatches());
    String html = HtmlReport.render(none);
    assertEquals(3, count(html, "<svg "));
    assertTrue(html.contains("not sampled (give <code>--metrics</code>"));
  }

  @Test
  void theReportSurvivesJson() throws Exception {
    ObjectMapper mapper = WireJson.mapper();
    LoadReport r = sample("w2");
    assertEquals(r, mapper.readValue(mapper.writeValueAsString(r), LoadReport.class));
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
