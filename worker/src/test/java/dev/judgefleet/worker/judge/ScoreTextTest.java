package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScoreTextTest {
  @Test
  void wholeScoresHaveNoFractionAndOthersTwoPlacesWithAPointWhateverTheLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      assertEquals("30", ScoreText.of(30.0));
      assertEquals("0", ScoreText.of(0.0));
      assertEquals("2.50", ScoreText.of(2.5));
      assertEquals("33.33", ScoreText.of(100.0 / 3));
    } finally {
      Locale.setDefault(before);
    }
  }
}
