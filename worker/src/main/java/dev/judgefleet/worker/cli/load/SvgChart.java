package dev.judgefleet.worker.cli.load;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A line chart as inline SVG: no script, no server, no font or file to fetch, so the report opens
 * anywhere (a mail attachment, a CI artifact).
 */
final class SvgChart {
  static final int WIDTH = 720;
  static final int HEIGHT = 260;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 28;
  private static final int BOTTOM = 40;
  private static final String[] COLORS = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"
  };

  /** One line: its name in the legend and its points (x, y). */
  record Series(String name, List<double[]> points) {
    Series {
      points = List.copyOf(points);
    }
  }

  private SvgChart() {}

  /**
   * Draws {@code series} on linear axes from 0; {@code shadeToX} greys the region left of it (the
   * warm-up), 0 for none; the x axis is labelled by {@code xTick} at {@code xTicks}, or at six even
   * steps when that is null.
   */
  static String draw(
      String title,
      String xLabel,
      String yLabel,
      List<Series> series,
      double shadeToX,
      double[] xTicks,
      DoubleFunction<String> xTick) {
    double xMax = 1e-9;
    double yMax = 1e-9;
    for (Series s : series) {
      for (double[] p : s.points()) {
        xMax = Math.max(xMax, p[0]);
        yMax = Math.max(yMax, p[1]);
      }
    }
    yMax = niceCeiling(yMax);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    double xm = xMax;
    double ym = yMax;
    DoubleFunction<Double> px = x -> LEFT + x / xm * plotW;
    DoubleFunction<Double> py = y -> TOP + plotH - y / ym * plotH;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" font-size=\"11\" role=\"img\">%n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    svg.append("<title>").append(Html.escape(title)).append("</title>\n");
    svg.append(
        text(LEFT, 16, "start", "<tspan font-weight=\"bold\">" + Html.escape(title) + "</tspan>"));
    if (shadeToX > 0) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#eee\"/>%n",
              LEFT,
              TOP,
              Math.min(shadeToX, xMax) / xMax * plotW,
              plotH));
    }
    for (int i = 0; i <= 4; i++) {
      double y = yMax * i / 4;
      double yy = py.apply(y);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
              LEFT,
              yy,
              WIDTH - RIGHT,
              yy));
      svg.append(text(LEFT - 6, yy + 4, "end", format(y)));
    }
    double[] ticks = xTicks;
    if (ticks == null) {
      ticks = new double[6];
      for (int i = 0; i <= 5; i++) {
        ticks[i] = xMax * i / 5;
      }
    }
    for (double x : ticks) {
      svg.append(text(px.apply(x), HEIGHT - BOTTOM + 16, "middle", Html.escape(xTick.apply(x))));
    }
    svg.append(text(LEFT + plotW / 2.0, HEIGHT - 6, "middle", Html.escape(xLabel)));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>%n",
            TOP + plotH / 2.0,
            TOP + plotH / 2.0,
            Html.escape(yLabel)));
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
            LEFT,
            TOP,
            plotW,
            plotH));
    int legendX = WIDTH - RIGHT - 8;
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      String color = COLORS[i % COLORS.length];
      if (!s.points().isEmpty()) {
        StringBuilder d = new StringBuilder();
        for (double[] p : s.points()) {
          d.append(d.length() == 0 ? "M" : " L")
              .append(String.format(Locale.ROOT, "%.1f %.1f", px.apply(p[0]), py.apply(p[1])));
        }
        svg.append(
            String.format(
                Locale.ROOT,
                "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
                d,
                color));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"%s\">%s</text>%n",
              legendX,
              TOP + 14 + 13 * i,
              color,
              Html.escape(s.name())));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** 1, 2 or 5 times a power of ten, at least {@code value}: axis ends that read well. */
  static double niceCeiling(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String text(double x, double y, String anchor, String content) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n",
        x,
        y,
        anchor,
        content);
  }

  private static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
