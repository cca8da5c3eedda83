package dev.judgefleet.worker.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packages whose test data is not the usual sample and secret: samples only, or generated. */
class TestDataTreeTest {
  @TempDir Path tmp;

  private PackageDir legacy(String id) {
    return new PackageDir(tmp, id)
        .file("problem.yaml", "name: S\n")
        .file("submissions/accepted/a.py", "pass\n");
  }

  @Test
  void aPackageWithSamplesOnlyIsJudgedOnItsSamplesWithAWarning() {
    ProblemPackage p = legacy("samples").test("data/sample/1").test("data/sample/2").load();

    assertEquals(
        List.of("sample/1", "sample/2"), p.allTests().stream().map(TestCase::name).toList());
    assertEquals(
        List.of("data/secret/: missing; submissions are judged on the 2 sample test cases only"),
        p.warnings());
  }

  @Test
  void anEmptySecretDirectoryIsTheSame() {
    ProblemPackage p = legacy("empty").test("data/sample/1").dir("data/secret").load();
    assertEquals(List.of("sample/1"), p.allTests().stream().map(TestCase::name).toList());
    assertEquals(
        List.of(
            "data/secret/: has no test cases; submissions are judged on the 1 sample test cases"
                + " only"),
        p.warnings());
  }

  @Test
  void noTestDataAtAllIsABrokenPackage() {
    PackageDir pkg = legacy("none").dir("data/sample").dir("data/secret");
    ProblemException e = assertThrows(ProblemException.class, pkg::load);
    assertEquals(
        "problem none: "
            + pkg.path("data/secret")
            + ": has no test cases, and data/sample has none either: nothing to judge",
        e.getMessage());
  }

  @Test
  void aPackageWhoseDataIsGeneratedSaysSoAndPointsAtJudgeGenerate() {
    PackageDir pkg =
        new PackageDir(tmp, "gen")
            .file("problem.yaml", "problem_format_version: 2025-09\nname: G\n")
            .file("generators/generators.yaml", "data: {}\n")
            .file("submissions/accepted/a.py", "pass\n");
    String hint =
        " (the test data is generated from generators/generators.yaml: run `judge generate "
            + pkg.root
            + "` to write it)";

    ProblemException missing = assertThrows(ProblemException.class, pkg::load);
    assertEquals(
        "problem gen: " + pkg.path("data") + ": missing: the package has no test data" + hint,
        missing.getMessage());

    ProblemPackage samples = pkg.test("data/sample/1").load();
    assertEquals(
        List.of(
            "data/secret/: missing; submissions are judged on the 1 sample test cases only" + hint),
        samples.warnings());
    assertEquals(Optional.of(pkg.path("generators/generators.yaml")), samples.generators());
  }
}
