package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.ProblemLoader;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.problem.TestCase;
import dev.judgefleet.worker.sandbox.IntegrationEngine;
import dev.judgefleet.worker.sandbox.Leftovers;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two races of interactive problems, made to happen every time: a submission that writes after
 * the validator accepted and exited (once it has seen end-of-file, and once at full speed), and a
 * submission that leaves while the validator still has 4 MiB to write to it. The validator does not
 * protect itself from SIGPIPE. Each case runs many times: a race that is merely unlikely would show
 * up as a stray RE or IE.
 */
class InteractiveRacesIT {
  private static final Path PACKAGE = Path.of("src/test/resources/problems/interactiveraces");
  private static final LanguageCatalog LANGUAGES = LanguageCatalog.builtIn();
  private static final int REPEATS = 25;
  private static SandboxEngine engine;
  private static Judge judge;

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

  @Test
  void everyReferenceSubmissionGetsItsVerdict() {
    ProblemPackage problem = ProblemLoader.load(PACKAGE);
    Verification.Report report = new Verification(judge, LANGUAGES, 2).verify(problem, row -> {});
    assertEquals(5, report.rows().size(), report.rows().toString());
    for (Verification.Row row : report.rows()) {
      assertTrue(row.ok() && !row.skipped(), row.toString());
    }
  }

  @Test
  void writingAfterTheValidatorAcceptedIsNeverARunTimeError() throws IOException {
    for (String name : List.of("late_writer.py", "eager_writer.py")) {
      Map<Verdict, Integer> verdicts = repeatedly("accepted/" + name);
      assertEquals(Map.of(Verdict.AC, 2 * REPEATS), verdicts, name);
    }
  }

  @Test
  void leavingEarlyIsTheSubmissionsWrongAnswerNeverTheValidatorsCrash() throws IOException {
    Map<Verdict, Integer> verdicts = repeatedly("wrong_answer/quitter.py");
    assertEquals(Map.of(Verdict.WA, 2 * REPEATS), verdicts);
  }

  /** Judges one submission on {@link #REPEATS} copies of each secret test, all of them. */
  private static Map<Verdict, Integer> repeatedly(String submission) throws IOException {
    ProblemPackage problem = ProblemLoader.load(PACKAGE);
    List<TestCase> tests = new ArrayList<>();
    for (int i = 0; i < REPEATS; i++) {
      for (TestCase test : problem.secret().allTests()) {
        tests.add(
            new TestCase(test.name() + "-" + i, test.input(), test.answer(), List.of(), List.of()));
      }
    }
    Language python = LANGUAGES.find("python3").orElseThrow();
    byte[] source = Files.readAllBytes(PACKAGE.resolve("submissions").resolve(submission));
    JudgeResult result =
        judge.judge(
            problem,
            python,
            SourceBundle.of(source),
            Duration.ofSeconds(2),
            tests,
            new JudgeOptions(true, 0),
            ProgressListener.NONE);
    Map<Verdict, Integer> counts = new TreeMap<>();
    for (TestOutcome outcome : result.tests()) {
      counts.merge(outcome.verdict(), 1, Integer::sum);
    }
    return counts;
  }
}
