package dev.judgefleet.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

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

  @Test
  void millisecondsKeepMicroseconds() {
    assertEquals(1.235, Units.millis(1_234_567L));
    assertEquals(1.235, Units.millis(Duration.ofNanos(1_234_567)));
    assertEquals(0.0, Units.millis(0L));
  }

  @Test
  void anOptionsMalformedValueIsAUsageErrorNamingTheOption() {
    CommandSpec spec = new CommandLine(CommandSpec.create()).getCommandSpec();
    assertEquals(Duration.ofMillis(500), Units.duration(spec, "--timeout", "500ms"));
    assertEquals(64L << 10, Units.bytes(spec, "--memory-limit", "64k"));
    ParameterException duration =
        assertThrows(ParameterException.class, () -> Units.duration(spec, "--timeout", "soon"));
    assertTrue(duration.getMessage().startsWith("--timeout: not a duration: 'soon'"));
    ParameterException size =
        assertThrows(ParameterException.class, () -> Units.bytes(spec, "--memory-limit", "lots"));
    assertTrue(size.getMessage().startsWith("--memory-limit: not a size: 'lots'"));
  }
}
