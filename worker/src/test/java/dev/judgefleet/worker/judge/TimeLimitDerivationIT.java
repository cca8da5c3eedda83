package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.ProblemLoader;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.sandbox.IntegrationEngine;
import dev.judgefleet.worker.sandbox.Leftovers;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deriving a time limit with real runs: a submission that hits the cap fails the derivation. */
class TimeLimitDerivationIT {
  private static final LanguageCatalog LANGUAGES = LanguageCatalog.builtIn();
  private static SandboxEngine engine;
  private static Judge judge;

  @TempDir Path temp;

  @BeforeAll
  static void start() {
    engine = IntegrationEngine.start();
    judge = new Judge(engine, new ValidatorCache(engine, IntegrationEngine.catalog()));
  }

  @AfterAll
  static void stop() {
    if (judge != null) {
      judge.close();
      engine.close();
    }
  }

  @AfterEach
  void nothingLeftBehind() throws IOException, InterruptedException {
    Leftovers.assertNone(engine);
  }

  private Path write(String path, String text) throws IOException {
    Path file = temp.resolve("slow").resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void anAcceptedSubmissionThatRunsIntoTheCapIsAFailedDerivationNotALimit() throws IOException {
    write("problem.yaml", "problem_format_version: 2025-09\nname: Slow\n");
    write("data/secret/1.in", "1\n");
    write("data/secret/1.ans", "1\n");
    write("submissions/accepted/fast.py", "print(input())\n");
    write("submissions/accepted/slow.py", "while True:\n    pass\n");
    ProblemPackage problem = ProblemLoader.load(temp.resolve("slow"));

    TimeLimitInference.DerivationFailed e =
        assertThrows(
            TimeLimitInference.DerivationFailed.class,
            () -> TimeLimitInference.infer(judge, problem, LANGUAGES, 0, Duration.ofSeconds(1)));

    assertTrue(
        e.getMessage()
            .startsWith(
                "problem slow: cannot derive the time limit: accepted/slow.py bounds it from"
                    + " below but ran into the 1.0 s derivation cap on secret/1 ("),
        e.getMessage());
  }

  @Test
  void theLimitComesFromTheSlowestLowerBoundRun() throws IOException {
    write("problem.yaml", "problem_format_version: 2025-09\nname: Slow\n");
    write("data/secret/1.in", "1\n");
    write("data/secret/1.ans", "1\n");
    write("submissions/accepted/fast.py", "print(input())\n");
    ProblemPackage problem = ProblemLoader.load(temp.resolve("slow"));

    TimeLimitInference.Inferred inferred =
        TimeLimitInference.infer(judge, problem, LANGUAGES, 0, Duration.ofSeconds(5));

    assertEquals(Duration.ofSeconds(1), inferred.timeLimit());
    assertEquals("accepted/fast.py on secret/1", inferred.slowestRun());
  }
}
