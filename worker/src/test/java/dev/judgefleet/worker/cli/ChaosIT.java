package dev.judgefleet.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.security.auth.module.UnixSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/judge chaos} against a real fleet ({@code bin/judge up --brokers 3 --workers 2}), with
 * small counts: 2 worker SIGKILLs, 1 broker restart, 1 worker stopped past its session timeout, 50
 * malformed records (an oversize one among them). judge up's supervision starts the dead back, and
 * the ledger must hold: nothing lost or wrong, exactly the malformed records dead-lettered, no
 * verdict for an unsent id, no stale override.
 */
class ChaosIT {
  @TempDir Path tmp;

  @Test
  void theFleetLosesNothingUnderKillsRestartsAStopAndMalformedRecords() throws Exception {
    assumeTrue(new UnixSystem().getUid() == 0, "the sandbox needs root");
    assumeTrue(
        Files.isRegularFile(Path.of("target", "quarkus-app", "quarkus-run.jar")),
        "bin/judge runs the packaged worker, built by `mvn package`");
    try (UpStack fleet = UpStack.start(tmp, 3, 2)) {
      Path json = tmp.resolve("chaos.json");
      Path html = tmp.resolve("chaos.html");
      Path output = tmp.resolve("chaos.log");
      int status =
          fleet.judge(
              output,
              Duration.ofMinutes(10),
              "chaos",
              "--kills",
              "2",
              "--broker-restarts",
              "1",
              "--stops",
              "1",
              "--stop-for",
              "12s",
              "--malformed",
              "50",
              "--interval",
              "2s",
              "--settle",
              "10s",
              "--out",
              json.toString(),
              "--report",
              html.toString());
      String printed = Files.readString(output);
      assertEquals(0, status, printed + "\n--- judge up:\n" + fleet.log());
      assertTrue(printed.contains("lost 0, wrong 0, duplicates "), printed);
      assertTrue(printed.contains(", dlq 50/50"), printed);
      JsonNode report = new ObjectMapper().readTree(json.toFile());
      JsonNode summary = report.get("summary");
      assertEquals(0, summary.get("lost").asLong(), summary.toString());
      assertEquals(0, summary.get("wrong").asLong(), summary.toString());
      assertEquals(0, summary.get("unsent").asLong(), summary.toString());
      assertEquals(0, summary.get("stale").asLong(), summary.toString());
      assertEquals(50, summary.get("deadLettered").asLong(), summary.toString());
      assertTrue(summary.get("sent").asLong() > 0, summary.toString());
      assertTrue(report.get("faultFailure").isNull(), report.toString());
      Set<String> faults = new HashSet<>();
      report.get("faults").forEach(f -> faults.add(f.get("fault").asText()));
      assertEquals(Set.of("KILL_WORKER", "RESTART_BROKER", "STOP_WORKER"), faults);
      assertEquals(4, report.get("faults").size());
      assertTrue(fleet.log().contains("died (status 137); starting it again"), fleet.log());
      assertTrue(Files.readString(html).contains("judge chaos"));
    }
  }
}
