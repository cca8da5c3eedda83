package dev.judgefleet.worker.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyPackageTest {
  @TempDir Path tmp;

  private PackageDir legacyPassFail() {
    return new PackageDir(tmp, "aplusb")
        .file(
            "problem.yaml",
            """
            name: A plus B
            author: Someone
            validator_flags: float_tolerance 1e-6
            limits:
              memory: 512
              time_multiplier: 3
            """)
        .file(".timelimit", "2.5\n")
        .test("data/sample/1")
        .test("data/secret/01")
        .file("data/secret/testdata.yaml", "output_validator_flags: case_sensitive\n")
        .test("data/secret/g1/03")
        .test("data/secret/g1/g2/04")
        .file("data/secret/g1/g2/testdata.yaml", "output_validator_flags: space_change_sensitive\n")
        .test("data/secret/z9")
        .file("submissions/accepted/sol.py", "print(sum(map(int, input().split())))\n");
  }

  @Test
  void onlyAcceptedSubmissionsBoundALegacyTimeLimitFromBelowAsInProblemtools() {
    ProblemPackage p =
        new PackageDir(tmp, "legacytl")
            .file("problem.yaml", "name: T\n")
            .test("data/secret/1")
            .file("submissions/accepted/a.py", "pass\n")
            .file("submissions/wrong_answer/wa.py", "pass\n")
            .file("submissions/run_time_error/rte.py", "pass\n")
            .file("submissions/time_limit_exceeded/tle.py", "pass\n")
            .file("submissions/other/tagged.c", "// @EXPECTED_RESULTS@: CORRECT\n")
            .load();

    assertEquals(
        List.of(
            "accepted/a.py LOWER",
            "other/tagged.c LOWER",
            "run_time_error/rte.py NONE",
            "time_limit_exceeded/tle.py UPPER",
            "wrong_answer/wa.py NONE"),
        p.submissions().stream().map(s -> s.name() + " " + s.timeLimitUse()).toList());
  }

  @Test
  void readsProblemYamlTimelimitFileAndLimits() {
    ProblemPackage p = legacyPassFail().load();

    assertEquals("aplusb", p.id());
    assertEquals("A plus B", p.name());
    assertEquals(PackageFormat.LEGACY, p.format());
    assertEquals(ProblemType.PASS_FAIL, p.type());
    assertEquals(
        new ProblemLimits(
            Optional.of(Duration.ofMillis(2500)),
            ".timelimit",
            3.0,
            2.0,
            Duration.ofSeconds(1),
            512L << 20,
            8L << 20,
            128L << 10,
            Duration.ofSeconds(60),
            2048L << 20,
            Duration.ofSeconds(60),
            2048L << 20,
            8L << 20,
            2),
        p.limits());
    assertEquals(
        OutputValidation.defaultValidator(List.of("float_tolerance", "1e-6")), p.validation());
    assertEquals(List.of(), p.warnings());
  }

  @Test
  void testsAndGroupsInterleaveInNameOrderAndTestdataYamlIsInheritedWhole() {
    ProblemPackage p = legacyPassFail().load();

    assertEquals(
        List.of("sample/1", "secret/01", "secret/g1/03", "secret/g1/g2/04", "secret/z9"),
        p.allTests().stream().map(TestCase::name).toList());
    assertEquals(
        List.of(
            List.of("float_tolerance", "1e-6"),
            List.of("float_tolerance", "1e-6", "case_sensitive"),
            List.of("float_tolerance", "1e-6", "case_sensitive"),
            List.of("float_tolerance", "1e-6", "space_change_sensitive"),
            List.of("float_tolerance", "1e-6", "case_sensitive")),
        p.allTests().stream().map(TestCase::validatorArgs).toList());
    TestCase first = p.secret().tests().get(0);
    assertEquals(p.root().resolve("data/secret/01.in"), first.input());
    assertEquals(p.root().resolve("data/secret/01.ans"), first.answer());
    assertEquals(List.of(), first.args());

    TestGroup g1 = p.secret().groups().get(0);
    assertEquals("secret/g1", g1.name());
    assertEquals("secret/g1/g2", g1.groups().get(0).name());
    assertEquals(Aggregation.PASS_FAIL, g1.aggregation());
    assertEquals(OptionalDouble.empty(), g1.maxScore());
    assertEquals(1.0, g1.acceptScore());
  }

  @Test
  void scoringGroupsFollowGraderFlagsAcceptScoreAndRange() {
    PackageDir pkg =
        new PackageDir(tmp, "subtasks")
            .file("problem.yaml", "type: scoring\n")
            .file("data/testdata.yaml", "on_reject: continue\ngrader_flags: ignore_sample sum\n")
            .test("data/sample/1")
            .file(
                "data/secret/testdata.yaml",
                "grader_flags: first_error min\naccept_score: 25\nrange: 0 100\n")
            .test("data/secret/a/1")
            .test("data/secret/b/1")
            .file("data/secret/b/testdata.yaml", "grader_flags: sum\n");

    ProblemPackage p = pkg.load();

    assertTrue(p.type().scoring());
    assertEquals(Aggregation.PASS_FAIL, p.sample().aggregation());
    assertEquals(1.0, p.sample().acceptScore());
    assertEquals(Aggregation.MIN, p.secret().aggregation());
    assertEquals(OptionalDouble.of(100), p.secret().maxScore());
    assertEquals(25.0, p.secret().acceptScore());
    TestGroup a = p.secret().groups().get(0);
    assertEquals(Aggregation.MIN, a.aggregation());
    assertEquals(25.0, a.acceptScore());
    TestGroup b = p.secret().groups().get(1);
    assertEquals(Aggregation.SUM, b.aggregation());
    // Every key is inherited on its own, as the legacy format and problemtools say.
    assertEquals(OptionalDouble.of(100), b.maxScore());
    assertEquals(25.0, b.acceptScore());

    LegacyGrading root = p.legacyGrading().orElseThrow();
    assertFalse(root.breakOnReject());
    assertTrue(root.ignoreSample());
    LegacyGrading secret = p.secret().legacy().orElseThrow();
    assertEquals(LegacyGrading.VerdictMode.FIRST_ERROR, secret.verdictMode());
    assertEquals(LegacyGrading.ScoreMode.MIN, secret.scoreMode());
    assertFalse(secret.breakOnReject());
    assertEquals(0, secret.rangeMin());
    assertEquals(100, secret.rangeMax());
    LegacyGrading bGrading = b.legacy().orElseThrow();
    assertEquals(LegacyGrading.VerdictMode.WORST_ERROR, bGrading.verdictMode());
    assertEquals(LegacyGrading.ScoreMode.SUM, bGrading.scoreMode());
    assertEquals(25, bGrading.acceptScore());
    assertFalse(bGrading.ignoreSample());
  }

  @Test
  void customValidationUsesTheOneProgramInOutputValidators() {
    PackageDir pkg =
        new PackageDir(tmp, "custom")
            .file("problem.yaml", "validation: custom\nvalidator_flags: ''\n")
            .test("data/secret/1")
            .file("output_validators/check/check.cpp", "int main() { return 42; }\n");

    ProblemPackage p = pkg.load();

    assertEquals(
        Optional.of(p.root().resolve("output_validators/check")), p.validation().validator());
    assertEquals(List.of(), p.validation().args());
    assertEquals(ProblemType.PASS_FAIL, p.type());
  }

  @Test
  void legacyInteractiveAndMultiPassComeFromValidation() {
    PackageDir pkg =
        new PackageDir(tmp, "guess")
            .file(
                "problem.yaml",
                "validation: custom interactive multi-pass\nlimits:\n  validation_passes: 3\n")
            .test("data/secret/1")
            .file("output_validators/interactor.py", "print('hi')\n");

    ProblemPackage p = pkg.load();

    assertEquals(new ProblemType(false, true, true), p.type());
    assertEquals(
        Optional.of(p.root().resolve("output_validators/interactor.py")),
        p.validation().validator());
    assertEquals(3, p.limits().validationPasses());
  }

  @Test
  void defaultValidationIgnoresOutputValidatorsWithAWarning() {
    PackageDir pkg =
        new PackageDir(tmp, "plain")
            .file("problem.yaml", "validation: default\n")
            .test("data/secret/1")
            .file("output_validators/check/check.cpp", "int main() {}\n")
            .file("submissions/accepted/a.py", "pass\n");

    ProblemPackage p = pkg.load();

    assertFalse(p.validation().custom());
    assertEquals(
        List.of("output_validators/: ignored, problem.yaml says validation: default"),
        p.warnings());
  }

  @Test
  void headersBesideTheCheckerAreOneProgramWithIt() {
    PackageDir pkg =
        new PackageDir(tmp, "testlib")
            .file("problem.yaml", "validation: custom\n")
            .test("data/secret/1")
            .file("output_validators/checker.cpp", "#include \"testlib.h\"\n")
            .file("output_validators/testlib.h", "// testlib\n")
            .file("output_validators/README", "how to build\n")
            .file("submissions/accepted/a.py", "pass\n");

    ProblemPackage p = pkg.load();

    Path dir = p.root().resolve("output_validators");
    assertEquals(Optional.of(dir), p.validation().validator());
    assertEquals(
        List.of(dir.resolve("README"), dir.resolve("checker.cpp"), dir.resolve("testlib.h")),
        p.validation().files());
    assertEquals(List.of(), p.warnings());
  }

  @Test
  void eitherValidatorDirectoryNameWorksInEitherFormat() {
    PackageDir legacy =
        new PackageDir(tmp, "singular")
            .file("problem.yaml", "validation: custom\n")
            .test("data/secret/1")
            .file("output_validator/check.py", "exit(42)\n")
            .file("submissions/accepted/a.py", "pass\n");
    ProblemPackage l = legacy.load();
    assertEquals(Optional.of(l.root().resolve("output_validator")), l.validation().validator());
    assertEquals(
        List.of("output_validator/: the 2023-07+ name, read as output_validators/"), l.warnings());

    PackageDir current =
        new PackageDir(tmp, "plural")
            .file("problem.yaml", "problem_format_version: 2025-09\nname: P\n")
            .test("data/secret/1")
            .file("output_validators/check/check.py", "exit(42)\n")
            .file("output_validators/check/validation.h", "//\n");
    ProblemPackage c = current.load();
    assertEquals(
        Optional.of(c.root().resolve("output_validators/check")), c.validation().validator());
    assertTrue(
        c.warnings().contains("output_validators/: the legacy name, read as output_validator/"),
        c.warnings().toString());
  }

  @Test
  void anEmptyOutputValidatorDirectoryLeavesTheDefaultValidator() {
    PackageDir pkg =
        new PackageDir(tmp, "empty")
            .file("problem.yaml", "problem_format_version: 2025-09\nname: E\n")
            .test("data/secret/1")
            .file("output_validator/.gitkeep", "");

    ProblemPackage p = pkg.load();

    assertFalse(p.validation().custom());
    assertTrue(
        p.warnings().contains("output_validator/: ignored, it has no files"),
        p.warnings().toString());
  }

  @Test
  void twoOutputValidatorsAreAnError() {
    PackageDir pkg =
        new PackageDir(tmp, "two")
            .file("problem.yaml", "validation: custom\n")
            .test("data/secret/1")
            .file("output_validators/a/a.cpp", "int main() {}\n")
            .file("output_validators/b.py", "pass\n");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        "problem two: "
            + pkg.root
            + "/output_validators: holds 2 programs (a, b.py);"
            + " this judge runs exactly one output validator",
        e.getMessage());
  }

  @Test
  void customValidationWithoutAValidatorIsAnError() {
    PackageDir pkg =
        new PackageDir(tmp, "novalidator")
            .file("problem.yaml", "validation: custom\n")
            .test("data/secret/1");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        "problem novalidator: "
            + pkg.root
            + "/output_validators:"
            + " problem.yaml says validation: custom, but there is no output validator here",
        e.getMessage());
    assertEquals("novalidator", e.problem());
  }

  @Test
  void everyModeOfTheDefaultGraderIsHonoured() {
    ProblemPackage p =
        new PackageDir(tmp, "avg")
            .file("problem.yaml", "type: scoring\n")
            .test("data/secret/1")
            .file(
                "data/secret/testdata.yaml",
                "grader_flags: always_accept max avg accept_if_any_accepted\nreject_score: 2\n")
            .file("submissions/accepted/a.py", "pass\n")
            .load();

    LegacyGrading g = p.secret().legacy().orElseThrow();
    assertEquals(LegacyGrading.VerdictMode.ALWAYS_ACCEPT, g.verdictMode());
    assertEquals(LegacyGrading.ScoreMode.AVG, g.scoreMode());
    assertTrue(g.acceptIfAnyAccepted());
    assertTrue(g.breakOnReject());
    assertEquals(2, g.rejectScore());
    assertEquals(List.of(), p.warnings());
  }

  @Test
  void customGradersAreAnError() {
    PackageDir pkg =
        new PackageDir(tmp, "custom")
            .file("problem.yaml", "type: scoring\n")
            .test("data/secret/1")
            .file("data/secret/testdata.yaml", "grading: custom\n");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        "problem custom: "
            + pkg.root
            + "/data/secret/testdata.yaml:"
            + " grading custom is not supported by this judge (no custom graders)",
        e.getMessage());
  }

  @Test
  void legacyFormatVersionStringsAreLegacy() {
    for (String version : List.of("legacy", "legacy-icpc")) {
      PackageDir pkg =
          new PackageDir(tmp, "v" + version.length())
              .file("problem.yaml", "problem_format_version: " + version + "\n")
              .test("data/secret/1");
      assertEquals(PackageFormat.LEGACY, pkg.load().format());
    }
  }
}
