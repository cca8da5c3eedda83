package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.security.auth.module.UnixSystem;
import dev.judgefleet.worker.sandbox.IntegrationEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code judge verify} over the repository's example packages, through the real command line (the
 * packaged worker): every reference submission must get what its folder says.
 */
class ExamplesVerifyIT {
  private static final Path EXAMPLES = Path.of("..", "examples", "problems");
  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

  /** The languages CI installs: a submission in one of these may not be skipped. */
  private static final Set<String> REQUIRED = Set.of("c", "cpp", "python3", "java");

  @Test
  void everyReferenceSubmissionGetsItsExpectedVerdict() throws IOException, InterruptedException {
    assumeTrue(new UnixSystem().getUid() == 0, "needs root");
    assumeTrue(Files.isRegularFile(JAR), "the packaged worker is built by `mvn package`");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djudge.sandbox.state-dir=" + IntegrationEngine.stateDir()));
    // In images: every language, validators included, in its image from the given store.
    IntegrationEngine.imageStore()
        .ifPresent(
            store -> {
              command.add("-Djudge.languages.store=" + store.dir());
              command.add("-Djudge.languages.rootfs=image");
            });
    command.addAll(List.of("-jar", JAR.toString(), "verify", "--json"));
    try (Stream<Path> dirs = Files.list(EXAMPLES)) {
      dirs.filter(Files::isDirectory).sorted().map(Path::toString).forEach(command::add);
    }
    Path stderr = Files.createTempFile("verify", ".err");
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(20, TimeUnit.MINUTES));
    String err = Files.readString(stderr);
    JsonNode rows = new ObjectMapper().readTree(out);
    assertTrue(rows.isArray() && rows.size() > 0, out + err);
    for (JsonNode row : rows) {
      String what =
          row.get("problem").asText()
              + " "
              + row.get("submission").asText()
              + ": "
              + row.get("failures");
      assertTrue(row.get("ok").asBoolean(), what);
      if (REQUIRED.contains(row.get("language").asText())) {
        assertFalse(row.get("skipped").asBoolean(), what);
      }
    }
    assertEquals(0, process.exitValue(), err);
    assertTrue(err.contains("verify: OK"), err);
  }
}
