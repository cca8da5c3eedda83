package dev.judgefleet.worker.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringPackageTest {
  @TempDir Path tmp;

  private PackageDir scoring2025() {
    return new PackageDir(tmp, "hello")
        .file(
            "problem.yaml",
            """
            problem_format_version: 2025-09
            type: scoring
            name:
              de: Hallo
              en: Hello
            uuid: 5ca1ab1e-0000-4000-8000-000000000000
            limits:
              time_limit: 1.5
              memory: 256
              time_multipliers:
                ac_to_time_limit: 3
            """)
        .test("data/sample/1")
        .file("data/secret/test_group.yaml", "output_validator_args: [float_tolerance, 1e-6]\n")
        .file("data/secret/group1/test_group.yaml", "max_score: 40\nargs: [--small]\n")
        .test("data/secret/group1/01")
        .test("data/secret/group1/02")
        .file(
            "data/secret/group1/02.yaml", "args: [--x]\noutput_validator_args: [case_sensitive]\n")
        .file(
            "data/secret/group2/test_group.yaml",
            "max_score: 60\nscore_aggregation: min\nrequire_pass: [sample, secret/group1]\n")
        .test("data/secret/group2/01")
        .test("data/secret/group2/sub/05")
        .file("submissions/accepted/sol.py", "pass\n");
  }

  @Test
  void readsTheProblemAndItsLimits() {
    ProblemPackage p = scoring2025().load();

    assertEquals(PackageFormat.V2025_09, p.format());
    assertEquals("Hello", p.name());
    assertEquals(new ProblemType(true, false, false), p.type());
    assertEquals(Optional.of(Duration.ofMillis(1500)), p.limits().timeLimit());
    assertEquals("problem.yaml limits.time_limit", p.limits().timeLimitSource());
    assertEquals(3.0, p.limits().acToTimeLimit());
    assertEquals(1.5, p.limits().timeLimitToTle());
    assertEquals(256L << 20, p.limits().memoryBytes());
    assertEquals(List.of(), p.warnings());
  }

  @Test
  void groupsGetTheirScoringSettingsAndDefaults() {
    ProblemPackage p = scoring2025().load();

    assertEquals(
        new TestGroup(
            "sample",
            p.sample().tests(),
            List.of(),
            Aggregation.PASS_FAIL,
            OptionalDouble.empty(),
            List.of(),
            Double.NaN),
        p.sample());
    TestGroup secret = p.secret();
    assertEquals(Aggregation.SUM, secret.aggregation());
    assertEquals(OptionalDouble.of(100), secret.maxScore());
    assertEquals(List.of(), secret.tests());
    TestGroup group1 = secret.groups().get(0);
    assertEquals("secret/group1", group1.name());
    assertEquals(Aggregation.PASS_FAIL, group1.aggregation());
    assertEquals(OptionalDouble.of(40), group1.maxScore());
    assertEquals(List.of(), group1.requirePass());
    TestGroup group2 = secret.groups().get(1);
    assertEquals(Aggregation.MIN, group2.aggregation());
    assertEquals(OptionalDouble.of(60), group2.maxScore());
    assertEquals(List.of("sample", "secret/group1"), group2.requirePass());
    assertTrue(Double.isNaN(group2.acceptScore()));
  }

  @Test
  void testsInheritGroupArgsUnlessTheirOwnYamlSetsThem() {
    ProblemPackage p = scoring2025().load();
    Path root = p.root();

    assertEquals(
        List.of(
            new TestCase(
                "sample/1",
                root.resolve("data/sample/1.in"),
                root.resolve("data/sample/1.ans"),
                List.of(),
                List.of()),
            new TestCase(
                "secret/group1/01",
                root.resolve("data/secret/group1/01.in"),
                root.resolve("data/secret/group1/01.ans"),
                List.of("--small"),
                List.of("float_tolerance", "1e-6")),
            new TestCase(
                "secret/group1/02",
                root.resolve("data/secret/group1/02.in"),
                root.resolve("data/secret/group1/02.ans"),
                List.of("--x"),
                List.of("case_sensitive")),
            new TestCase(
                "secret/group2/01",
                root.resolve("data/secret/group2/01.in"),
                root.resolve("data/secret/group2/01.ans"),
                List.of(),
                List.of("float_tolerance", "1e-6")),
            // 2025-09: a directory inside a group is not a group; its tests are the group's.
            new TestCase(
                "secret/group2/sub/05",
                root.resolve("data/secret/group2/sub/05.in"),
                root.resolve("data/secret/group2/sub/05.ans"),
                List.of(),
                List.of("float_tolerance", "1e-6"))),
        p.allTests());
    assertEquals(List.of(), p.secret().groups().get(1).groups());
  }

  @Test
  void aMissingMaxScoreUnderABoundedSecretIsInferredWithAWarning() {
    PackageDir pkg =
        new PackageDir(tmp, "infer")
            .file("problem.yaml", "problem_format_version: 2025-09\nname: I\ntype: scoring\n")
            .file("data/secret/a/test_group.yaml", "max_score: 40\n")
            .test("data/secret/a/1")
            .test("data/secret/b/1")
            .test("data/secret/c/1")
            .file("submissions/accepted/s.py", "pass\n");

    ProblemPackage p = pkg.load();

    assertEquals(
        List.of(OptionalDouble.of(40), OptionalDouble.of(30), OptionalDouble.of(30)),
        p.secret().groups().stream().map(TestGroup::maxScore).toList());
    assertEquals(
        List.of(
            "data/secret/b/: max_score missing, which 2025-09 requires below a bounded secret; using 30.0",
            "data/secret/c/: max_score missing, which 2025-09 requires below a bounded secret; using 30.0"),
        p.warnings());
  }

  @Test
  void draft2023ReadsTheScoringMapAndNestedGroups() {
    PackageDir pkg =
        new PackageDir(tmp, "draft")
            .file("problem.yaml", "problem_format_version: 2023-07-draft\nname: D\ntype: scoring\n")
            .file("data/secret/test_group.yaml", "scoring:\n  score: 90\n  aggregation: sum\n")
            .test("data/secret/1")
            .file("data/secret/g/test_group.yaml", "scoring:\n  aggregation: min\n")
            .test("data/secret/g/1")
            .test("data/secret/g/h/1")
            .file("submissions/accepted/s.py", "pass\n");

    ProblemPackage p = pkg.load();

    assertEquals(PackageFormat.V2023_07, p.format());
    assertEquals(OptionalDouble.of(90), p.secret().maxScore());
    TestGroup g = p.secret().groups().get(0);
    // (M - S) / (A + T): one test and one group without a score share 90.
    assertEquals(OptionalDouble.of(45), g.maxScore());
    assertEquals(Aggregation.MIN, g.aggregation());
    TestGroup h = g.groups().get(0);
    assertEquals("secret/g/h", h.name());
    assertEquals(OptionalDouble.of(45), h.maxScore());
    assertEquals(Aggregation.PASS_FAIL, h.aggregation());
    assertEquals(
        List.of("secret/1", "secret/g/1", "secret/g/h/1"),
        p.allTests().stream().map(TestCase::name).toList());
  }

  @Test
  void passFailProblemsUsePassFailEverywhere() {
    PackageDir pkg =
        new PackageDir(tmp, "pf")
            .file("problem.yaml", "problem_format_version: 2025-09\nname: P\n")
            .file("data/secret/g/test_group.yaml", "max_score: 10\n")
            .test("data/secret/g/1")
            .file("submissions/accepted/s.py", "pass\n");

    ProblemPackage p = pkg.load();

    assertEquals(Aggregation.PASS_FAIL, p.secret().aggregation());
    assertEquals(OptionalDouble.empty(), p.secret().maxScore());
    assertEquals(Aggregation.PASS_FAIL, p.secret().groups().get(0).aggregation());
    assertEquals(OptionalDouble.empty(), p.secret().groups().get(0).maxScore());
    assertEquals(
        List.of(
            "data/secret/g/test_group.yaml: max_score, score_aggregation and require_pass ignored"
                + " on a pass-fail problem"),
        p.warnings());
  }

  @Test
  void requirePassMustNameAnEarlierGroup() {
    PackageDir pkg =
        new PackageDir(tmp, "req")
            .file("problem.yaml", "problem_format_version: 2025-09\nname: R\ntype: scoring\n")
            .file("data/secret/a/test_group.yaml", "max_score: 50\nrequire_pass: secret/b\n")
            .test("data/secret/a/1")
            .file("data/secret/b/test_group.yaml", "max_score: 50\n")
            .test("data/secret/b/1");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        "problem req: "
            + pkg.root
            + "/data/secret/a/test_group.yaml:"
            + " require_pass names \"secret/b\", which does not come before secret/a",
        e.getMessage());
  }

  @Test
  void directoriesInSampleAreNotGroupsAndFilesDirectoriesAreWarned() {
    PackageDir pkg =
        new PackageDir(tmp, "flat")
            .file("problem.yaml", "problem_format_version: 2025-09\nname: F\n")
            .test("data/sample/b/2")
            .test("data/sample/1")
            .file("data/sample/b/test_group.yaml", "args: [x]\n")
            .test("data/secret/1")
            .file("data/secret/1.files/extra.txt", "data\n")
            .file("submissions/accepted/s.py", "pass\n");

    ProblemPackage p = pkg.load();

    assertEquals(List.of(), p.sample().groups());
    assertEquals(
        List.of("sample/1", "sample/b/2", "secret/1"),
        p.allTests().stream().map(TestCase::name).toList());
    assertEquals(List.of(), p.sample().tests().get(1).args());
    assertEquals(
        List.of(
            "data/sample/b/test_group.yaml: ignored, sample/b is not a test data group",
            "data/secret/1.files/: ignored, test case .files directories are not supported"),
        p.warnings());
  }
}
