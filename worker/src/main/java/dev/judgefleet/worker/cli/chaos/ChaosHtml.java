package dev.judgefleet.worker.cli.chaos;

import dev.judgefleet.worker.cli.load.Html;
import dev.judgefleet.worker.cli.load.HtmlReport;
import java.util.Locale;

/** The chaos report as HTML: the summary and the faults, above the load's own report. */
public final class ChaosHtml {
  private static final String LOAD_HEADING = "<h1>judge load</h1>";

  private ChaosHtml() {}

  public static String render(ChaosReport r) {
    StringBuilder chaos = new StringBuilder();
    chaos
        .append("<h1>judge chaos</h1>\n<p class=\"")
        .append(r.held() ? "ok" : "bad")
        .append("\">")
        .append(Html.escape(r.summary().line()))
        .append("</p>\n<p>")
        .append(Html.escape(r.summary().details()))
        .append("</p>\n");
    if (r.faultFailure() != null) {
      chaos
          .append("<p class=\"bad\">faults ended early: ")
          .append(Html.escape(r.faultFailure()))
          .append("</p>\n");
    }
    for (String example : r.summary().examples()) {
      chaos.append("<p class=\"bad\">").append(Html.escape(example)).append("</p>\n");
    }
    chaos
        .append("<h2>Faults (")
        .append(r.faults().size())
        .append(" of ")
        .append(r.faultsPlanned())
        .append(")</h2>\n<table><tr><th>fault</th><th>target</th><th>pid</th><th>at (s)</th>")
        .append("<th>served again after (s)</th></tr>\n");
    for (FaultEvent f : r.faults()) {
      chaos.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%s</td><td>%s</td><td>%d</td><td>%.1f</td><td>%.1f</td></tr>%n",
              f.fault(),
              Html.escape(f.target()),
              f.pid(),
              f.atSeconds(),
              f.recoverySeconds()));
    }
    chaos.append("</table>\n");
    String load =
        HtmlReport.render(r.load())
            .replace("<title>judge load report</title>", "<title>judge chaos report</title>");
    int at = load.indexOf(LOAD_HEADING);
    return at < 0
        ? load + chaos
        : load.substring(0, at)
            + chaos
            + "<h1>The steady load</h1>"
            + load.substring(at + LOAD_HEADING.length());
  }
}
