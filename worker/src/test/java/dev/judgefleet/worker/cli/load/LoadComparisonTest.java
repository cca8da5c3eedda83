package dev.judgefleet.worker.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadComparisonTest {
  @Test
  void setsBAgainstAFigureByFigure() {
    LoadReport a = HtmlReportTest.sample("w2");
    LoadReport b = HtmlReportTest.sample("w3");
    List<LoadComparison.Row> rows = LoadComparison.rows(a, b);
    LoadComparison.Row p99 =
        rows.stream().filter(r -> r.figure().equals("latency p99 ms")).findFirst().orElseThrow();
    assertEquals(a.latency().p99Ms(), p99.a());
    assertEquals(0.0, p99.changePercent());
    // A node in only one run: 0 on the other side, and no percentage against 0.
    LoadComparison.Row w3 =
        rows.stream().filter(r -> r.figure().equals("node w3 verdicts")).findFirst().orElseThrow();
    assertEquals(0, w3.a());
    assertTrue(w3.b() > 0);
    assertTrue(Double.isNaN(w3.changePercent()));
    LoadComparison.Row w2 =
        rows.stream().filter(r -> r.figure().equals("node w2 verdicts")).findFirst().orElseThrow();
    assertEquals(-100.0, w2.changePercent());
    String table = LoadComparison.table("a.json", a, "b.json", b);
    assertTrue(table.contains("A: a.json"));
    assertTrue(
        table.lines().anyMatch(l -> l.startsWith("node w2 verdicts") && l.endsWith("-100.0%")));
  }

  @Test
  void aRejudgeBacklogIsComparedAndReportsWithoutOneStillRead() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper mapper = dev.judgefleet.model.WireJson.mapper();
    LoadReport base = HtmlReportTest.sample("w2");
    com.fasterxml.jackson.databind.node.ObjectNode old = mapper.valueToTree(base);
    old.remove("backlog");
    LoadReport read = mapper.treeToValue(old, LoadReport.class);
    assertEquals(LoadReport.Backlog.NONE, read.backlog());

    com.fasterxml.jackson.databind.node.ObjectNode withBacklog = mapper.valueToTree(base);
    withBacklog.set("backlog", mapper.valueToTree(new LoadReport.Backlog(5000, 120)));
    LoadReport loaded = mapper.treeToValue(withBacklog, LoadReport.class);
    assertEquals(new LoadReport.Backlog(5000, 120), loaded.backlog());
    LoadComparison.Row judged =
        LoadComparison.rows(read, loaded).stream()
            .filter(r -> r.figure().equals("rejudges judged in run"))
            .findFirst()
            .orElseThrow();
    assertEquals(0, judged.a());
    assertEquals(120, judged.b());
  }
}
