package dev.judgefleet.worker.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentVersionTest {
  @TempDir Path tmp;

  private PackageDir pkg(String id) {
    return new PackageDir(tmp, id)
        .file("problem.yaml", "name: V\n")
        .test("data/secret/1")
        .file("output_validators/v/v.cpp", "int main(){}\n")
        .file("submissions/accepted/a.py", "pass\n")
        .file("problem_statement/problem.en.tex", "\\problemname{V}\n");
  }

  @Test
  void sameJudgedFilesSameVersionWhateverTheDirectoryName() {
    String a = pkg("one").load().contentVersion();
    String b = pkg("two").load().contentVersion();

    assertEquals(a, b);
    assertTrue(a.matches("[0-9a-f]{16}"), a);
  }

  @Test
  void testDataValidatorsAndTimeLimitFilesChangeIt() {
    String base = pkg("base").load().contentVersion();

    assertNotEquals(base, pkg("data").file("data/secret/1.ans", "4\n").load().contentVersion());
    assertNotEquals(
        base,
        pkg("val")
            .file("output_validators/v/v.cpp", "int main(){return 1;}\n")
            .load()
            .contentVersion());
    assertNotEquals(base, pkg("tl").file(".timelimit", "2\n").load().contentVersion());
    assertNotEquals(base, pkg("yaml").file("problem.yaml", "name: W\n").load().contentVersion());
    // A file moved to another name is another package, even with the same bytes.
    assertNotEquals(
        base,
        pkg("moved")
            .file("data/secret/2.in", "1 2\n")
            .file("data/secret/2.ans", "3\n")
            .load()
            .contentVersion());
  }

  @Test
  void submissionsAndStatementsDoNot() {
    String base = pkg("base").load().contentVersion();

    assertEquals(
        base, pkg("subs").file("submissions/accepted/b.py", "pass\n").load().contentVersion());
    assertEquals(
        base,
        pkg("stmt").file("problem_statement/problem.en.tex", "changed\n").load().contentVersion());
  }
}
