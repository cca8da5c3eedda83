package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.ProblemLoader;
import dev.judgefleet.worker.problem.ProblemPackage;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** include/: files added to every submission of a language, as 2025-09 says. */
class IncludedSourcesTest {
  private static final LanguageCatalog LANGUAGES = LanguageCatalog.builtIn();
  private static final Charset UTF8 = StandardCharsets.UTF_8;

  @TempDir Path tmp;
  private ProblemPackage problem;

  private void write(String path, String text) throws IOException {
    Path file = tmp.resolve("inc").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @BeforeEach
  void packageWithIncludes() throws IOException {
    write(
        "problem.yaml",
        "problem_format_version: 2025-09\nname: I\nconstants:\n  k: 3\n  limit: {value: 9}\n");
    write("data/secret/1.in", "1\n");
    write("data/secret/1.ans", "1\n");
    write("include/c/main.c", "#include \"solution.h\"\nint main(void) { return solve({{k}}); }\n");
    write("include/c/grader.h", "#define LIMIT {{limit}}\n");
    write("include/default/lib.h", "#define K {{k}}\n");
    write("include/python3/lib.py", "K = {{k}}\n");
    problem = ProblemLoader.load(tmp.resolve("inc"));
  }

  /** Every file of the bundle as text: the main file under its name, then the others. */
  private static Map<String, String> files(SourceBundle bundle) {
    Map<String, String> all = new TreeMap<>();
    all.put("main:" + bundle.mainFileName().orElse("?"), new String(bundle.main(), UTF8));
    bundle.others().forEach((name, bytes) -> all.put(name, new String(bytes, UTF8)));
    return all;
  }

  private SourceBundle apply(String language, SourceBundle source) {
    Language l = LANGUAGES.find(language).orElseThrow();
    return IncludedSources.apply(problem, l, source);
  }

  private static SourceBundle source(String name, String text, String... others) {
    Map<String, byte[]> rest = new LinkedHashMap<>();
    for (int i = 0; i < others.length; i += 2) {
      rest.put(others[i], others[i + 1].getBytes(UTF8));
    }
    return new SourceBundle(text.getBytes(UTF8), rest, Optional.of(name));
  }

  @Test
  void aDriverNamedAsTheLanguagesMainFileTakesItsPlaceAndTheSubmissionStaysBeside() {
    SourceBundle merged =
        apply("c", source("sol.c", "int solve(int k) { return k; }\n", "grader.h", "mine\n"));

    assertEquals(
        Map.of(
            "main:main.c",
            "#include \"solution.h\"\nint main(void) { return solve(3); }\n",
            "sol.c",
            "int solve(int k) { return k; }\n",
            // The included file replaces the submission's file of the same name.
            "grader.h",
            "#define LIMIT 9\n"),
        files(merged));
  }

  @Test
  void aLanguageWithoutItsOwnDirectoryGetsTheDefaultOnes() {
    SourceBundle merged = apply("cpp", source("a.cpp", "int main() {}\n"));
    assertEquals(Map.of("main:a.cpp", "int main() {}\n", "lib.h", "#define K 3\n"), files(merged));

    SourceBundle python = apply("python3", source("a.py", "from lib import K\n"));
    assertEquals(Map.of("main:a.py", "from lib import K\n", "lib.py", "K = 3\n"), files(python));
  }

  @Test
  void aPackageWithoutIncludesLeavesTheSubmissionAsItIs() throws IOException {
    Path bare = tmp.resolve("bare");
    Files.createDirectories(bare.resolve("data/secret"));
    Files.writeString(bare.resolve("problem.yaml"), "problem_format_version: 2025-09\nname: B\n");
    Files.writeString(bare.resolve("data/secret/1.in"), "1\n");
    Files.writeString(bare.resolve("data/secret/1.ans"), "1\n");
    SourceBundle source = source("a.c", "int main(void) {}\n");
    assertSame(
        source,
        IncludedSources.apply(ProblemLoader.load(bare), LANGUAGES.find("c").orElseThrow(), source));
  }
}
