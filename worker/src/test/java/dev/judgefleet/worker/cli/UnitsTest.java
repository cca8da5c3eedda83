package dev.judgefleet.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void durations() {
    assertEquals(Duration.ofSeconds(2), Units.duration("2s"));
    assertEquals(Duration.ofMillis(1500), Units.duration("1.5s"));
    assertEquals(Duration.ofMillis(500), Units.duration("500ms"));
    assertEquals(Duration.ofMinutes(1), Units.duration("1m"));
    assertEquals(Duration.ofSeconds(3), Units.duration("3"));
    assertThrows(IllegalArgumentException.class, () -> Units.duration("fast"));
    assertThrows(IllegalArgumentException.class, () -> Units.duration("-1s"));
  }

  @Test
  void sizes() {
    assertEquals(256L << 20, Units.bytes("256m"));
    assertEquals(1L << 30, Units.bytes("1G"));
    assertEquals(64L << 10, Units.bytes("64k"));
    assertEquals(512L << 20, Units.bytes("512MiB"));
    assertEquals(1000, Units.bytes("1000"));
    assertThrows(IllegalArgumentException.class, () -> Units.bytes("lots"));
  }
}
