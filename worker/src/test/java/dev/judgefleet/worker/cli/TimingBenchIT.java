package dev.judgefleet.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.security.auth.module.UnixSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/judge bench timing} end to end, small: the program compiles in every slot's sandbox,
 * calibrates, and both sides are measured. Its figures are for people to read; this checks only
 * that they are there and describe what was asked.
 */
class TimingBenchIT {
  private static final Path TOP = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path tmp;

  @Test
  void measuresBothSidesOfACalibratedProgram() throws Exception {
    assumeTrue(new UnixSystem().getUid() == 0, "the sandbox needs root");
    assumeTrue(
        Files.isRegularFile(Path.of("target", "quarkus-app", "quarkus-run.jar")),
        "bin/judge runs the packaged worker, built by `mvn package`");
    Path out = tmp.resolve("out.json");
    Path err = tmp.resolve("err.txt");
    Process p =
        new ProcessBuilder(
                TOP.resolve("bin/judge").toString(),
                "bench",
                "timing",
                "--runs",
                "10",
                "--target-ms",
                "50",
                "--slots",
                "2",
                "--json")
            .directory(TOP.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "bench timing finished");
    assertEquals(0, p.exitValue(), Files.readString(err));
    JsonNode r = new ObjectMapper().readTree(out.toFile());
    assertEquals(2, r.get("slots").asInt());
    for (String side : new String[] {"idle", "busy"}) {
      JsonNode s = r.get(side);
      assertEquals(10, s.get("runs").asInt(), side);
      // Calibrated to about 50 ms of CPU: CPU time, not wall time, so a loaded machine does not
      // move it by a factor of two.
      double mean = s.get("meanMs").asDouble();
      assertTrue(mean > 25 && mean < 100, side + " mean " + mean + " ms");
      assertTrue(s.get("minMs").asDouble() <= mean && mean <= s.get("maxMs").asDouble());
    }
    assertTrue(r.has("meanShiftPercent"));
  }
}
