package dev.judgefleet.worker.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeLimitTest {
  @TempDir Path tmp;

  private PackageDir pkg(String id, String problemYaml) {
    return new PackageDir(tmp, id)
        .file("problem.yaml", problemYaml)
        .test("data/secret/1")
        .file("submissions/accepted/a.py", "pass\n");
  }

  @Test
  void domjudgeIniWithQuotes() {
    ProblemPackage p =
        pkg("quoted", "name: Q\n")
            .file("domjudge-problem.ini", "name='Q'\ntimelimit='3'\ncolor='#ff0000'\n")
            .load();

    assertEquals(Optional.of(Duration.ofSeconds(3)), p.limits().timeLimit());
    assertEquals("domjudge-problem.ini", p.limits().timeLimitSource());
  }

  @Test
  void domjudgeIniWithoutQuotes() {
    ProblemPackage p =
        pkg("bare", "name: B\n").file("domjudge-problem.ini", "timelimit = 2\n").load();

    assertEquals(Optional.of(Duration.ofSeconds(2)), p.limits().timeLimit());
    assertEquals("domjudge-problem.ini", p.limits().timeLimitSource());
  }

  @Test
  void domjudgeIniAloneIsALegacyPackage() {
    PackageDir pkg =
        new PackageDir(tmp, "dj")
            .file("domjudge-problem.ini", "timelimit = 4\n")
            .test("data/secret/1")
            .file("submissions/accepted/a.c", "int main(){}\n");

    ProblemPackage p = pkg.load();

    assertEquals(PackageFormat.LEGACY, p.format());
    assertEquals("dj", p.name());
    assertEquals(Optional.of(Duration.ofSeconds(4)), p.limits().timeLimit());
    assertEquals(
        List.of("problem.yaml: missing, read as a legacy package with default settings"),
        p.warnings());
  }

  @Test
  void timelimitFileBeatsDomjudgeIni() {
    ProblemPackage p =
        pkg("both", "name: B\n")
            .file(".timelimit", "1.25")
            .file("domjudge-problem.ini", "timelimit = 9\n")
            .load();

    assertEquals(Optional.of(Duration.ofMillis(1250)), p.limits().timeLimit());
    assertEquals(".timelimit", p.limits().timeLimitSource());
    assertEquals(
        List.of("domjudge-problem.ini: time limit ignored, .timelimit takes precedence"),
        p.warnings());
  }

  @Test
  void problemYamlBeatsTimelimitFile() {
    ProblemPackage p =
        pkg("yaml", "problem_format_version: 2025-09\nname: Y\nlimits:\n  time_limit: 2\n")
            .file(".timelimit", "7\n")
            .load();

    assertEquals(Optional.of(Duration.ofSeconds(2)), p.limits().timeLimit());
    assertEquals("problem.yaml limits.time_limit", p.limits().timeLimitSource());
    assertEquals(
        List.of(".timelimit: time limit ignored, problem.yaml limits.time_limit takes precedence"),
        p.warnings());
  }

  @Test
  void withoutAnExplicitLimitTheJudgeDerivesIt() {
    ProblemPackage p = pkg("derived", "problem_format_version: 2025-09\nname: D\n").load();

    assertEquals(Optional.empty(), p.limits().timeLimit());
    assertEquals("", p.limits().timeLimitSource());
    assertEquals(2.0, p.limits().acToTimeLimit());
    assertEquals(1.5, p.limits().timeLimitToTle());
    assertEquals(Duration.ofSeconds(1), p.limits().timeResolution());
  }

  @Test
  void aTimelimitFileThatIsNotANumberIsAnError() {
    PackageDir pkg = pkg("junk", "name: J\n").file(".timelimit", "soon\n");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        "problem junk: "
            + pkg.root
            + "/.timelimit:"
            + " the time limit must be a positive number of seconds, got \"soon\"",
        e.getMessage());
  }
}
