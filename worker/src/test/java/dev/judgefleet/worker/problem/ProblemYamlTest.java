package dev.judgefleet.worker.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** problem.yaml's shapes, defaults, and the messages its mistakes get. */
class ProblemYamlTest {
  @TempDir Path tmp;

  private PackageDir pkg(String problemYaml) {
    return new PackageDir(tmp, "aplusb")
        .file("problem.yaml", problemYaml)
        .test("data/secret/1")
        .file("submissions/accepted/a.py", "pass\n");
  }

  private String error(String problemYaml) {
    PackageDir pkg = pkg(problemYaml);
    return assertThrows(ProblemException.class, pkg::load).getMessage();
  }

  private String prefix() {
    return "problem aplusb: " + tmp.resolve("aplusb/problem.yaml") + ": ";
  }

  @Test
  void aTimeLimitThatIsNotANumber() {
    assertEquals(
        prefix() + "limits.time_limit must be a positive number, got \"fast\"",
        error("problem_format_version: 2025-09\nname: A\nlimits:\n  time_limit: fast\n"));
  }

  @Test
  void negativeAndFractionalLimits() {
    assertEquals(
        prefix() + "limits.memory must be a positive integer, got -5",
        error("problem_format_version: 2025-09\nname: A\nlimits:\n  memory: -5\n"));
    assertEquals(
        prefix() + "limits.compilation_time must be a positive integer, got 1.5",
        error("name: A\nlimits:\n  compilation_time: 1.5\n"));
    assertEquals(
        prefix() + "limits.time_multipliers.ac_to_time_limit must be a number >= 1, got 0.5",
        error(
            "problem_format_version: 2025-09\nname: A\nlimits:\n  time_multipliers:\n    ac_to_time_limit: 0.5\n"));
    assertEquals(
        prefix() + "limits.validation_passes must be an integer >= 2, got 1",
        error("problem_format_version: 2025-09\nname: A\nlimits:\n  validation_passes: 1\n"));
  }

  @Test
  void brokenYaml() {
    assertEquals(
        prefix() + "is not valid YAML: duplicate key \"name\" (line 2, column 5)",
        error("name: A\nname: B\n"));
    String unclosed = error("name: [A\n");
    assertEquals(true, unclosed.startsWith(prefix() + "is not valid YAML: "), unclosed);
    assertEquals(
        prefix() + "must be a map of keys to values, got a sequence [\"a\",\"b\"]",
        error("- a\n- b\n"));
  }

  @Test
  void wrongShapes() {
    assertEquals(prefix() + "limits must be a map, got 5", error("name: A\nlimits: 5\n"));
    assertEquals(
        prefix()
            + "type must be pass-fail, scoring, multi-pass, interactive or submit-answer, got"
            + " \"golf\"",
        error("problem_format_version: 2025-09\nname: A\ntype: golf\n"));
    assertEquals(
        prefix() + "type cannot be both pass-fail and scoring",
        error("problem_format_version: 2025-09\nname: A\ntype: [pass-fail, scoring]\n"));
    assertEquals(
        prefix()
            + "problem_format_version must be 2025-09, 2023-07-draft (or another draft), legacy or legacy-icpc, got \"2031-01\"",
        error("problem_format_version: 2031-01\nname: A\n"));
    assertEquals(
        prefix()
            + "validation \"custom golf\": unknown flag \"golf\" (known: interactive, score, multi-pass)",
        error("validation: custom golf\n"));
  }

  @Test
  void systemDefaultsWhenNoLimitsAreGiven() {
    ProblemPackage p = pkg("problem_format_version: 2025-09\nname: A\n").load();

    assertEquals(LimitsYaml.defaults(false), p.limits());
    assertEquals(2048L << 20, p.limits().memoryBytes());
    assertEquals(8L << 20, p.limits().outputBytes());
    assertEquals(128L << 10, p.limits().codeBytes());
    assertEquals(2, p.limits().validationPasses());
  }

  @Test
  void legacyDefaultsForTheTimeMultipliers() {
    ProblemPackage p = pkg("name: A\n").load();

    assertEquals(5.0, p.limits().acToTimeLimit());
    assertEquals(2.0, p.limits().timeLimitToTle());
  }

  @Test
  void everyLimitIsRead() {
    ProblemPackage p =
        pkg("""
                problem_format_version: 2023-07-draft
                name: A
                limits:
                  time_limit: 0.5
                  time_resolution: 0.1
                  time_multipliers: {ac_to_time_limit: 1.5, time_limit_to_tle: 1.2}
                  memory: 64
                  output: 2
                  code: 64
                  compilation_time: 30
                  compilation_memory: 1024
                  validation_time: 10
                  validation_memory: 512
                  validation_output: 4
                """)
            .load();

    assertEquals(
        new ProblemLimits(
            java.util.Optional.of(java.time.Duration.ofMillis(500)),
            "problem.yaml limits.time_limit",
            1.5,
            1.2,
            java.time.Duration.ofMillis(100),
            64L << 20,
            2L << 20,
            64L << 10,
            java.time.Duration.ofSeconds(30),
            1024L << 20,
            java.time.Duration.ofSeconds(10),
            512L << 20,
            4L << 20,
            2),
        p.limits());
  }

  @Test
  void unknownKeysAreWarnedNotFatal() {
    ProblemPackage p =
        pkg("problem_format_version: 2025-09\nname: A\ncolour: red\nvalidation: custom\nlimits:\n  cpus: 4\n")
            .load();

    assertEquals(
        List.of(
            "problem.yaml: colour: unknown key, ignored",
            "problem.yaml: validation: unknown key, ignored",
            "problem.yaml: limits.cpus: unknown key, ignored"),
        p.warnings());
  }

  @Test
  void theEnglishNameOrTheFirst() {
    assertEquals(
        "Hello",
        pkg("problem_format_version: 2025-09\nname: {de: Hallo, en: Hello}\n").load().name());
    assertEquals(
        "Hallo",
        pkg("problem_format_version: 2025-09\nname: {de: Hallo, sv: Hej}\n").load().name());
  }

  @Test
  void argumentsKeepTheirWrittenForm() {
    PackageDir pkg =
        pkg("problem_format_version: 2025-09\nname: A\n")
            .file(
                "data/secret/test_group.yaml",
                "output_validator_args: [float_tolerance, 1e-6, on, 007]\n");

    ProblemPackage p = pkg.load();

    assertEquals(
        List.of("float_tolerance", "1e-6", "on", "007"), p.allTests().get(0).validatorArgs());
  }
}
