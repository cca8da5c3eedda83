package dev.judgefleet.worker.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoissonArrivalsTest {
  @Test
  void gapsAreExponentialWithTheRatesMean() {
    double rate = 4;
    PoissonArrivals arrivals = new PoissonArrivals(rate, new SplittableRandom(7));
    int n = 50_000;
    long previous = 0;
    double sum = 0;
    double sumSquares = 0;
    int shorterThanMean = 0;
    for (int i = 0; i < n; i++) {
      long at = arrivals.nextNanos();
      assertTrue(at >= previous, "arrival times never go back");
      double gap = (at - previous) / 1e9;
      previous = at;
      sum += gap;
      sumSquares += gap * gap;
      shorterThanMean += gap < 1 / rate ? 1 : 0;
    }
    double mean = sum / n;
    double sd = Math.sqrt(sumSquares / n - mean * mean);
    // Exponential: mean = sd = 1/rate, and P(gap < mean) = 1 - 1/e = 0.632 (not 0.5, as evenly
    // spaced or normal gaps would give).
    assertEquals(0.25, mean, 0.005);
    assertEquals(0.25, sd, 0.01);
    assertEquals(1 - Math.exp(-1), shorterThanMean / (double) n, 0.01);
  }

  @Test
  void countsInAWindowArePoisson() {
    // Over 1 s windows at 10/s the count's variance equals its mean (10); a fixed-interval
    // schedule would give variance 0.
    PoissonArrivals arrivals = new PoissonArrivals(10, new SplittableRandom(3));
    int windows = 5_000;
    int[] counts = new int[windows];
    long at;
    while ((at = arrivals.nextNanos()) < windows * 1_000_000_000L) {
      counts[(int) (at / 1_000_000_000L)]++;
    }
    double mean = 0;
    for (int c : counts) {
      mean += c;
    }
    mean /= windows;
    double variance = 0;
    for (int c : counts) {
      variance += (c - mean) * (c - mean);
    }
    variance /= windows;
    assertEquals(10, mean, 0.2);
    assertEquals(10, variance, 0.8);
  }

  @Test
  void sameSeedSameSchedule() {
    PoissonArrivals a = new PoissonArrivals(2, new SplittableRandom(11));
    PoissonArrivals b = new PoissonArrivals(2, new SplittableRandom(11));
    for (int i = 0; i < 100; i++) {
      assertEquals(a.nextNanos(), b.nextNanos());
    }
  }

  @Test
  void refusesRatesThatAreNotPositive() {
    assertThrows(
        IllegalArgumentException.class, () -> new PoissonArrivals(0, new SplittableRandom()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PoissonArrivals(Double.NaN, new SplittableRandom()));
  }
}
