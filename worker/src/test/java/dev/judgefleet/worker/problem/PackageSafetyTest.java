package dev.judgefleet.worker.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packages come from setters we do not fully trust: nothing outside the package is recorded. */
class PackageSafetyTest {
  @TempDir Path tmp;
  private PackageDir pkg;

  @BeforeEach
  void minimalPackage() throws Exception {
    pkg =
        new PackageDir(tmp, "safe")
            .file("problem.yaml", "name: Safe\n")
            .test("data/secret/01")
            .file("submissions/accepted/a.py", "pass\n");
    Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(tmp.resolve("outside/secret.txt"), "root:x:0:0\n");
    Files.writeString(tmp.resolve("outside/02.in"), "1\n");
    Files.writeString(tmp.resolve("outside/02.ans"), "1\n");
  }

  private String message(String relativePath, String what) {
    return "problem safe: " + pkg.path(relativePath) + ": " + what;
  }

  @Test
  void aFileSymlinkLeadingOutsideIsAnError() throws Exception {
    pkg.file("data/secret/02.in", "1\n")
        .symlink("data/secret/02.ans", "../../../outside/secret.txt");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        message(
            "data/secret/02.ans",
            "is a symlink to "
                + tmp.toAbsolutePath().toRealPath().resolve("outside/secret.txt")
                + ", outside the package"),
        e.getMessage());
    assertEquals(pkg.path("data/secret/02.ans"), e.file());
  }

  @Test
  void aDirectorySymlinkLeadingOutsideIsAnError() throws Exception {
    pkg.symlink("data/secret/g", tmp.resolve("outside").toString());

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        message(
            "data/secret/g",
            "is a symlink to " + tmp.toRealPath().resolve("outside") + ", outside the package"),
        e.getMessage());
  }

  @Test
  void anAbsoluteSymlinkIntoTheSystemIsAnError() {
    pkg.file("problem.yaml", "name: Safe\n").symlink("domjudge-problem.ini", "/etc/hostname");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(pkg.path("domjudge-problem.ini"), e.file());
  }

  @Test
  void aSymlinkBackToAnAncestorIsACycle() {
    pkg.symlink("data/secret/loop", "..");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        message("data/secret/loop", "is a symlink cycle: it leads back to data"), e.getMessage());
  }

  @Test
  void aSymlinkToThePackageRootIsACycle() {
    pkg.symlink("submissions/accepted/all", "../..");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        message(
            "submissions/accepted/all", "is a symlink cycle: it leads back to the package root"),
        e.getMessage());
  }

  @Test
  void symlinksThatPointAtEachOtherAreAnError() {
    pkg.symlink("data/secret/a.in", "b.in").symlink("data/secret/b.in", "a.in");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        message("data/secret/a.in", "is a symlink loop: its chain of links never reaches a file"),
        e.getMessage());
  }

  @Test
  void aBrokenSymlinkIsAnError() {
    pkg.symlink("data/secret/03.in", "nowhere.in");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(message("data/secret/03.in", "is a broken symlink"), e.getMessage());
  }

  @Test
  void symlinksInsideThePackageAreFollowedToTheirRealPath() throws Exception {
    pkg.test("data/sample/1")
        .symlink("data/secret/zz.in", "../sample/1.in")
        .symlink("data/secret/zz.ans", "../sample/1.ans")
        .symlink("data/secret/group", "../sample");

    ProblemPackage p = pkg.load();

    TestCase linked = p.secret().tests().get(1);
    assertEquals("secret/zz", linked.name());
    assertEquals(p.root().resolve("data/sample/1.in"), linked.input());
    assertEquals(p.root().resolve("data/sample/1.ans"), linked.answer());
    assertEquals(
        List.of("sample/1", "secret/01", "secret/group/1", "secret/zz"),
        p.allTests().stream().map(TestCase::name).toList());
  }

  @Test
  void aPackageReachedThroughASymlinkIsResolved() throws Exception {
    Path link = tmp.resolve("linked");
    Files.createSymbolicLink(link, pkg.root);

    ProblemPackage p = ProblemLoader.load(link);

    assertEquals("linked", p.id());
    assertEquals(pkg.root.toRealPath(), p.root());
  }

  @Test
  void aDirectoryWithNeitherProblemYamlNorDataIsNotAPackage() throws Exception {
    Path notAPackage = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(notAPackage.resolve("notes.txt"), "hello\n");

    ProblemException e =
        assertThrows(ProblemException.class, () -> ProblemLoader.load(notAPackage));

    assertEquals(
        "problem home: "
            + notAPackage.toAbsolutePath().normalize()
            + ": is not a problem package (no problem.yaml, no data/)",
        e.getMessage());
  }

  @Test
  void aPackageWithProblemYamlButNoDataSaysTheDataIsMissing() throws Exception {
    Path noData = Files.createDirectories(tmp.resolve("nodata"));
    Files.writeString(noData.resolve("problem.yaml"), "name: No data\n");

    ProblemException e = assertThrows(ProblemException.class, () -> ProblemLoader.load(noData));

    assertEquals(true, e.getMessage().endsWith("the package has no test data"), e.getMessage());
  }

  @Test
  void anOversizeYamlIsAnError() {
    pkg.file("problem.yaml", "name: Big\n# " + "x".repeat(1 << 20) + "\n");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(message("problem.yaml", "is larger than the 1 MiB allowed"), e.getMessage());
  }

  @Test
  void anOversizeTestGroupYamlIsAnError() {
    pkg.file("problem.yaml", "problem_format_version: 2025-09\nname: Big\n")
        .file("data/secret/test_group.yaml", "args: []\n" + " ".repeat(1 << 20));

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        message("data/secret/test_group.yaml", "is larger than the 1 MiB allowed"), e.getMessage());
  }

  @Test
  void dataFilesAreCheckedAgainstTheConfiguredCap() {
    pkg.file("data/secret/02.in", "x".repeat(100)).file("data/secret/02.ans", "y\n");

    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> ProblemLoader.load(pkg.root, LoadLimits.DEFAULTS.withDataFileBytes(64)));

    assertEquals(
        message("data/secret/02.in", "is 100 bytes, more than the 64 bytes allowed"),
        e.getMessage());
  }

  @Test
  void theNumberOfTestCasesIsCapped() {
    pkg.test("data/secret/02").test("data/secret/03");

    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> ProblemLoader.load(pkg.root, LoadLimits.DEFAULTS.withTestCases(2)));

    assertEquals(
        message("data/secret/03.in", "more than 2 test cases in the package"), e.getMessage());
  }

  @Test
  void directoryEntriesAreCappedCountingEachDirectoryOnce() {
    // data/ (1), data/secret (2), submissions/ (1), submissions/accepted (1): five entries, though
    // data/ is walked again for the content version.
    LoadLimits five = new LoadLimits(LoadLimits.MIB, LoadLimits.MIB, LoadLimits.GIB, 100, 5);
    LoadLimits four = new LoadLimits(LoadLimits.MIB, LoadLimits.MIB, LoadLimits.GIB, 100, 4);

    ProblemLoader.load(pkg.root, five);
    ProblemException e =
        assertThrows(ProblemException.class, () -> ProblemLoader.load(pkg.root, four));

    assertEquals(
        message("submissions/accepted", "more than 4 directory entries in the package"),
        e.getMessage());
  }

  @Test
  void hiddenFilesAreIgnoredAndOddNamesWarned() {
    pkg.file("data/secret/.hidden.in", "no answer\n")
        .file("data/secret/.git/config", "x\n")
        .file("data/secret/-dash.in", "x\n")
        .file("data/secret/bad name.in", "x\n");

    ProblemPackage p = pkg.load();

    assertEquals(List.of("secret/01"), p.allTests().stream().map(TestCase::name).toList());
    assertEquals(
        List.of(
            "data/secret/bad name.in: ignored, a name must match [a-zA-Z0-9_][a-zA-Z0-9_.-]{0,254}"),
        p.warnings());
  }

  @Test
  void aTestWithoutAnswerIsAnErrorNamingTheFile() {
    pkg.file("data/secret/02.in", "1\n");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(message("data/secret/02.in", "has no matching 02.ans"), e.getMessage());
  }

  @Test
  void aLegacyValidatorFileOverTheSourceCapIsAnError() {
    pkg.file("problem.yaml", "validation: custom\n")
        .bytes("output_validators/v/blob.bin", new byte[(1 << 20) + 5]);

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        message(
            "output_validators/v/blob.bin",
            "is 1048581 bytes, more than the 1 MiB allowed for a validator's file"),
        e.getMessage());
  }
}
