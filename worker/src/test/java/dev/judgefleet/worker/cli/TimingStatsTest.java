package dev.judgefleet.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimingStatsTest {
  @Test
  void meanSampleDeviationCvAndShift() {
    // 490, 500, 510: mean 500, sample sd sqrt((100 + 0 + 100) / 2) = 10, CV 2 %.
    TimingStats idle = TimingStats.of(List.of(490.0, 500.0, 510.0));
    assertEquals(3, idle.runs());
    assertEquals(500, idle.meanMs(), 1e-9);
    assertEquals(10, idle.sdMs(), 1e-9);
    assertEquals(2, idle.cvPercent(), 1e-9);
    assertEquals(490, idle.minMs());
    assertEquals(510, idle.maxMs());
    TimingStats busy = TimingStats.of(List.of(510.0, 515.0, 520.0));
    assertEquals(3, idle.shiftPercent(busy), 1e-9);
    assertEquals(-100.0 * 15 / 515, busy.shiftPercent(idle), 1e-9);
  }

  @Test
  void identicalRunsHaveNoSpread() {
    TimingStats s = TimingStats.of(List.of(500.0, 500.0));
    assertEquals(0, s.sdMs());
    assertEquals(0, s.cvPercent());
  }

  @Test
  void oneRunHasNoSpread() {
    assertThrows(IllegalArgumentException.class, () -> TimingStats.of(List.of(500.0)));
  }
}
