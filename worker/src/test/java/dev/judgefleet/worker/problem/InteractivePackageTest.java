package dev.judgefleet.worker.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractivePackageTest {
  @TempDir Path tmp;

  @Test
  void interactiveProblemUsesOutputValidatorDirectory() {
    PackageDir pkg =
        new PackageDir(tmp, "guess")
            .file(
                "problem.yaml", "problem_format_version: 2025-09\nname: Guess\ntype: interactive\n")
            .test("data/sample/1")
            .file("data/sample/1.interaction", "<1\n>2\n")
            .test("data/secret/1")
            .file("output_validator/validator.cpp", "int main() { return 42; }\n")
            .file("output_validator/validation.h", "#pragma once\n")
            .file("submissions/accepted/guess.py", "print(1)\n");

    ProblemPackage p = pkg.load();

    assertEquals(new ProblemType(false, true, false), p.type());
    assertEquals(Optional.of(p.root().resolve("output_validator")), p.validation().validator());
    assertEquals(List.of(), p.validation().args());
    assertEquals(
        List.of("sample/1", "secret/1"), p.allTests().stream().map(TestCase::name).toList());
    assertEquals(List.of(), p.warnings());
  }

  @Test
  void multiPassScoringProblemReadsValidationPasses() {
    PackageDir pkg =
        new PackageDir(tmp, "passes")
            .file(
                "problem.yaml",
                """
                problem_format_version: 2025-09
                name: Passes
                type: [multi-pass, scoring]
                limits:
                  validation_passes: 5
                """)
            .test("data/secret/1")
            .file("output_validator/run", "#!/bin/sh\nexit 42\n")
            .file("submissions/accepted/p.py", "pass\n");

    ProblemPackage p = pkg.load();

    assertEquals(new ProblemType(true, false, true), p.type());
    assertEquals(5, p.limits().validationPasses());
    assertEquals(Optional.of(p.root().resolve("output_validator")), p.validation().validator());
  }

  @Test
  void interactiveWithoutAValidatorIsAnError() {
    PackageDir pkg =
        new PackageDir(tmp, "noint")
            .file("problem.yaml", "problem_format_version: 2025-09\nname: N\ntype: [interactive]\n")
            .test("data/secret/1");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        "problem noint: "
            + pkg.root
            + "/output_validator:"
            + " missing: an interactive problem needs a custom output validator",
        e.getMessage());
  }

  @Test
  void multiPassWithoutAValidatorIsAnError() {
    PackageDir pkg =
        new PackageDir(tmp, "nomp")
            .file("problem.yaml", "problem_format_version: 2025-09\nname: N\ntype: multi-pass\n")
            .test("data/secret/1");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        "problem nomp: "
            + pkg.root
            + "/output_validator:"
            + " missing: a multi-pass problem needs a custom output validator",
        e.getMessage());
  }

  @Test
  void interactiveTestsStillNeedTheirAnswerFile() {
    PackageDir pkg =
        new PackageDir(tmp, "noans")
            .file("problem.yaml", "problem_format_version: 2025-09\nname: N\ntype: interactive\n")
            .file("data/secret/1.in", "5\n")
            .file("output_validator/v.py", "pass\n");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        "problem noans: " + pkg.root + "/data/secret/1.in: has no matching 1.ans", e.getMessage());
  }

  @Test
  void typesCombineInOneStringAsTheFormatsExamplesWriteThem() {
    PackageDir answers =
        new PackageDir(tmp, "answers")
            .file(
                "problem.yaml",
                "problem_format_version: 2025-09\nname: A\ntype: pass-fail submit-answer\n")
            .test("data/secret/1");
    assertEquals(new ProblemType(false, false, false, true), answers.load().type());

    PackageDir both =
        new PackageDir(tmp, "both")
            .file(
                "problem.yaml",
                "problem_format_version: 2025-09\nname: B\ntype: interactive multi-pass\n")
            .file("output_validator/v.py", "exit(42)\n")
            .test("data/secret/1");
    assertEquals(new ProblemType(false, true, true, false), both.load().type());

    PackageDir scored =
        new PackageDir(tmp, "scored")
            .file(
                "problem.yaml",
                "problem_format_version: 2025-09\nname: C\ntype: [scoring, multi-pass]\n")
            .file("output_validator/v.py", "exit(42)\n")
            .test("data/secret/1");
    assertEquals(new ProblemType(true, false, true, false), scored.load().type());
  }

  @Test
  void submitAnswerExcludesInteractionAndPasses() {
    PackageDir pkg =
        new PackageDir(tmp, "answers")
            .file(
                "problem.yaml",
                "problem_format_version: 2025-09\nname: A\ntype: interactive submit-answer\n")
            .test("data/secret/1");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        "problem answers: "
            + pkg.root
            + "/problem.yaml:"
            + " type submit-answer cannot be multi-pass or interactive",
        e.getMessage());
  }
}
