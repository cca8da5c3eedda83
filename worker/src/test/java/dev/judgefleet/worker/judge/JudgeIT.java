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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on packages made to corner it: testlib checkers, broken validators, inline tests.
 */
class JudgeIT {
  private static final Path PROBLEMS = Path.of("src/test/resources/problems");
  private static final LanguageCatalog LANGUAGES = IntegrationEngine.catalog();
  private static SandboxEngine engine;
  private static Judge judge;

  @TempDir Path temp;

  @BeforeAll
  static void start() {
    engine = IntegrationEngine.start();
    judge = new Judge(engine, new ValidatorCache(engine, LANGUAGES));
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

  private static JudgeResult judge(ProblemPackage problem, String source, List<TestCase> tests) {
    Language python = LANGUAGES.find("python3").orElseThrow();
    return judge.judge(
        problem,
        python,
        SourceBundle.of(source.getBytes(StandardCharsets.UTF_8)),
        Duration.ofSeconds(2),
        tests,
        JudgeOptions.defaults(),
        ProgressListener.NONE);
  }

  @Test
  void aTestlibCheckerSpeaksItsOwnExitCodes() {
    ProblemPackage problem = ProblemLoader.load(PROBLEMS.resolve("pointcheck"));
    Verification.Report report = new Verification(judge, LANGUAGES, 2).verify(problem, row -> {});
    assertTrue(report.rows().stream().allMatch(Verification.Row::ok), report.rows().toString());
    JudgeResult lines =
        judge(problem, "n = int(input())\nfor i in range(1, n + 1):\n  print(i)\n", null);
    // Pass-fail problems are ICPC style: a presentation error is reported as a wrong answer.
    assertEquals(Verdict.WA, lines.verdict());
    assertEquals(Verdict.PE, lines.tests().get(0).verdict());
    assertEquals("numbers on more than one line", lines.tests().get(0).checkerMessage());
  }

  @Test
  void aCrashingValidatorIsTheJudgesErrorNotTheTeams() {
    ProblemPackage problem = ProblemLoader.load(PROBLEMS.resolve("brokenvalidator"));
    JudgeResult result = judge(problem, "print(input())\n", null);
    assertEquals(Verdict.IE, result.verdict());
    assertTrue(result.message().contains("output validator exited with code 1"), result.message());
  }

  @Test
  void aValidatorThatDoesNotCompileIsAJudgeErrorForEverySubmission() throws IOException {
    Path copy = copyOf("pointcheck");
    Files.writeString(copy.resolve("output_validator/check.cpp"), "int main( {");
    ProblemPackage problem = ProblemLoader.load(copy);
    JudgeResult result = judge(problem, "print(1)\n", null);
    assertEquals(Verdict.IE, result.verdict());
    assertTrue(result.message().contains("does not build"), result.message());
  }

  @Test
  void inlineTestsNeedNoStoredTestData() throws IOException {
    ProblemPackage problem = ProblemLoader.load(PROBLEMS.resolve("pointcheck"));
    Path in = Files.writeString(temp.resolve("custom.in"), "4\n");
    Path ans = Files.writeString(temp.resolve("custom.ans"), "1 2 3 4\n");
    // Inline tests go through the same checker; here the package's testlib checker can't read a
    // file outside the package, so use the default validator's copy of the package instead.
    ProblemPackage plain = ProblemLoader.load(withoutValidator("pointcheck"));
    JudgeResult result =
        judge(
            plain,
            "print(*range(1, int(input()) + 1))\n",
            List.of(new TestCase("inline/custom", in, ans, List.of(), List.of())));
    assertEquals(Verdict.AC, result.verdict(), result.message());
    assertEquals(1, result.tests().size());
    assertEquals(problem.id(), plain.id());
  }

  @Test
  void aSubmissionOfSeveralFilesIsJudgedAsOne() {
    ProblemPackage problem = ProblemLoader.load(Path.of("../examples/problems/aplusb"));
    Language python = LANGUAGES.find("python3").orElseThrow();
    byte[] main =
        "import sys\nfrom adder import add\nprint(add(*map(int, sys.stdin.read().split())))\n"
            .getBytes();
    byte[] adder = "def add(a, b):\n    return a + b\n".getBytes();

    JudgeResult accepted = judgeFiles(problem, python, main, Map.of("adder.py", adder));
    assertEquals(Verdict.AC, accepted.verdict(), accepted.message());

    // The syntax check covers every module, not only the main file.
    JudgeResult broken =
        judgeFiles(problem, python, main, Map.of("adder.py", "def add(a, b:\n".getBytes()));
    assertEquals(Verdict.CE, broken.verdict());
    assertTrue(broken.message().contains("adder.py"), broken.message());

    JudgeResult clash = judgeFiles(problem, python, main, Map.of("main.py", adder));
    assertEquals(Verdict.CE, clash.verdict());
    assertTrue(clash.message().contains("main.py"), clash.message());
  }

  private static JudgeResult judgeFiles(
      ProblemPackage problem, Language language, byte[] main, Map<String, byte[]> others) {
    return judge.judge(
        problem,
        language,
        new SourceBundle(main, others),
        Duration.ofSeconds(2),
        null,
        JudgeOptions.defaults(),
        ProgressListener.NONE);
  }

  private Path copyOf(String name) throws IOException {
    Path target = temp.resolve("copy").resolve(name);
    try (var files = Files.walk(PROBLEMS.resolve(name))) {
      for (Path source : files.toList()) {
        Path dest = target.resolve(PROBLEMS.resolve(name).relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(source, dest);
        }
      }
    }
    return target;
  }

  private Path withoutValidator(String name) throws IOException {
    Path copy = copyOf(name);
    try (var files = Files.walk(copy.resolve("output_validator"))) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    return copy;
  }
}
