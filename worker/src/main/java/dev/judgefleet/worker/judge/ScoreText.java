package dev.judgefleet.worker.judge;

import java.util.Locale;

/** A score as reports print it. */
public final class ScoreText {
  private ScoreText() {}

  /**
   * Whole scores without a fraction, others to two places; in {@link Locale#ROOT}, so that a report
   * reads the same on every host (a German default locale would print "2,50").
   */
  public static String of(double score) {
    return score == Math.rint(score)
        ? Long.toString((long) score)
        : String.format(Locale.ROOT, "%.2f", score);
  }
}
