package dev.judgefleet.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThroughputTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void busyIsCpuOverWallTimesCores() {
    Throughput t = Throughput.of(10 * SECOND, 17 * SECOND, 2);
    assertEquals(0.85, t.busy(), 1e-9);
    assertTrue(t.meetsTarget());
    assertEquals(
        "10.0 s wall, programs' CPU 17.0 s on 2 cores: 85% busy (target 80%, wall <= CPU /"
            + " (0.8 x cores): met)",
        t.summary());
  }

  @Test
  void underEightyPercentMissesTheTarget() {
    Throughput t = Throughput.of(10 * SECOND, 15 * SECOND, 2);
    assertFalse(t.meetsTarget());
    assertTrue(t.summary().endsWith("75% busy (target 80%, wall <= CPU / (0.8 x cores): missed)"));
  }

  @Test
  void nonsenseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Throughput.of(1, 1, 0));
    assertEquals(0, Throughput.of(0, 0, 1).busy());
  }
}
