package dev.judgefleet.worker.cli.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The soak's verdict on a metric: a leak fails, noise and a warm-up do not. */
class TrendTest {
  /** 50 samples over 2 000 submissions, fds given by {@code fds(i)}. */
  private static List<ProcessSample> samples(java.util.function.IntToLongFunction fds) {
    List<ProcessSample> samples = new ArrayList<>();
    for (int i = 0; i <= 50; i++) {
      samples.add(new ProcessSample(i * 40L, i, fds.applyAsLong(i), 30, 0, 5, 40, 1, 100 << 20));
    }
    return samples;
  }

  @Test
  void aFlatNoisyMetricHasNotGrown() {
    SplittableRandom random = new SplittableRandom(7);
    Trend t =
        Trend.fit("fds", samples(i -> 100 + random.nextInt(-6, 7)), ProcessSample::fds, 16, 5);
    assertFalse(t.grew(), t.line());
    assertEquals(Math.abs(t.slopePerThousand()) < 3, true, t.line());
  }

  @Test
  void oneFdPerFortySubmissionsIsALeak() {
    Trend t = Trend.fit("fds", samples(i -> 100 + i), ProcessSample::fds, 16, 5);
    assertTrue(t.grew(), t.line());
    assertEquals(25.0, t.slopePerThousand(), 1e-9);
    assertEquals(100, t.start());
    assertEquals(150, t.end());
  }

  @Test
  void aWarmUpStepIsLeftOut() {
    // The first samples climb as pools fill; flat after.
    Trend t = Trend.fit("fds", samples(i -> i < 5 ? 60 + 10L * i : 110), ProcessSample::fds, 16, 5);
    assertFalse(t.grew(), t.line());
    assertEquals(0, t.slopePerThousand(), 1e-9);
  }

  @Test
  void growthWithinTheFloorIsNoise() {
    // 10 more fds over the whole run: under the floor of 16.
    Trend t = Trend.fit("fds", samples(i -> 100 + i / 5), ProcessSample::fds, 16, 0);
    assertFalse(t.grew(), t.line());
  }
}
