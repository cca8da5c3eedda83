package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code judge generate} and {@code judge verify} over the corpus of packages shaped like the ones
 * found in the wild ({@code src/test/resources/corpus}, one per class of problem: legacy DOMjudge
 * exports, legacy scoring, legacy time-limit derivation, BAPCtools' generated data, sample-only,
 * 2025-09 features, submit-answer, interactive multi-pass, scoring multi-pass), through the real
 * command line: every reference submission must get what its folder, tag or submissions.yaml says.
 */
class CorpusVerifyIT {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");
  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

  /** The languages CI installs: a submission in one of these may not be skipped. */
  private static final Set<String> REQUIRED = Set.of("c", "cpp", "python3", "java", "answer");

  @TempDir Path temp;

  private record Ran(int exit, String out, String err) {}

  private static Ran judge(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djudge.sandbox.state-dir=" + IntegrationEngine.stateDir(),
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    Path stderr = Files.createTempFile("corpus", ".err");
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(20, TimeUnit.MINUTES));
    String err = Files.readString(stderr);
    Files.delete(stderr);
    return new Ran(process.exitValue(), out, err);
  }

  @Test
  void generateThenVerifyEveryPackageOfTheCorpus() throws IOException, InterruptedException {
    assumeTrue(new UnixSystem().getUid() == 0, "needs root");
    assumeTrue(Files.isRegularFile(JAR), "the packaged worker is built by `mvn package`");
    Path corpus = copy(CORPUS, temp.resolve("corpus"));

    Ran generate = judge("generate", corpus.resolve("bapc-generated").toString());
    assertEquals(0, generate.exit(), generate.out() + generate.err());
    Path data = corpus.resolve("bapc-generated/data");
    for (String file :
        List.of(
            "sample/2.ans",
            "secret/1-random-3.in",
            "secret/2-pair.in",
            "secret/2-pair.ans",
            "secret/3-edges/max.ans",
            "secret/2.in",
            "test_group.yaml")) {
      assertTrue(Files.isRegularFile(data.resolve(file)), file + "\n" + generate.out());
    }
    assertEquals("0\n", Files.readString(data.resolve("sample/2.ans")), "the solution's answer");
    assertEquals("2000000000\n", Files.readString(data.resolve("secret/3-edges/max.ans")));

    List<String> args = new ArrayList<>(List.of("verify", "--json"));
    try (Stream<Path> dirs = Files.list(corpus)) {
      dirs.filter(Files::isDirectory).sorted().map(Path::toString).forEach(args::add);
    }
    Ran verify = judge(args.toArray(String[]::new));
    JsonNode rows = new ObjectMapper().readTree(verify.out());
    assertTrue(rows.isArray() && rows.size() > 30, verify.out() + verify.err());
    Map<String, JsonNode> byName = new HashMap<>();
    for (JsonNode row : rows) {
      String name = row.get("problem").asText() + " " + row.get("submission").asText();
      byName.put(name, row);
      String what = name + ": " + row.get("failures");
      assertTrue(row.get("ok").asBoolean(), what);
      if (REQUIRED.contains(row.get("language").asText())) {
        assertFalse(row.get("skipped").asBoolean(), what);
      }
    }
    assertEquals(0, verify.exit(), verify.err());
    assertTrue(verify.err().contains("verify: OK"), verify.err());
    assertTrue(verify.err().contains("% busy (target 80%"), verify.err());

    // A python2 shebang is Python 2, which this host lacks: skipped, not run as Python 3.
    JsonNode py2 = byName.get("legacy-domjudge accepted/sum_py2.py");
    assertEquals("python2", py2.get("language").asText());
    assertTrue(py2.get("skipped").asBoolean());
    // A pypy3 shebang is Python 3, run (and accepted) as such.
    JsonNode pypy3 = byName.get("v2025-features accepted/pypy_shebang.py");
    assertEquals("python3", pypy3.get("language").asText());
    assertEquals("AC", pypy3.get("actual").asText());
    // Constants replaced in the submission, the included files, the validator, test_group.yaml.
    for (String accepted : List.of("constant.py", "with_include.c", "with_include.py")) {
      assertEquals("AC", byName.get("v2025-features accepted/" + accepted).get("actual").asText());
    }
    // problemtools derives a legacy limit from the accepted submissions only: 5 x a few ms is 1 s,
    // not 5 x the 0.4 s the run_time_error submission computes before it crashes.
    assertEquals(1000, byName.get("legacy-timelimit accepted/echo.c").get("timeLimitMs").asInt());
    assertEquals(
        "RE", byName.get("legacy-timelimit run_time_error/slow_crash.c").get("actual").asText());
    // Legacy grading: ignore_sample, min in g1 and max in g2, on_reject: continue inherited.
    assertEquals(
        "AC 180", byName.get("legacy-scoring partially_accepted/near.py").get("actual").asText());
    assertEquals("AC 200", byName.get("legacy-scoring accepted/exact.py").get("actual").asText());
    // The brace pattern with spaces matched: the rows have the rule, not "?".
    assertNotEquals("?", byName.get("v2025-features mixed/even.py").get("expected").asText());
    assertEquals("answer", byName.get("submit-answer accepted/answers").get("language").asText());
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }
}
