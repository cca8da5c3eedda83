package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.Constants;
import dev.judgefleet.worker.problem.ReferenceSubmission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a reference submission's language and main file are found, as the formats say. */
class ReferenceSourcesTest {
  private static final LanguageCatalog LANGUAGES = LanguageCatalog.builtIn();

  @TempDir Path tmp;

  /** A submission of {@code files} (name, text pairs), all in one directory. */
  private ReferenceSubmission submission(
      Optional<String> language, Optional<String> entrypoint, String... files) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "sub");
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < files.length; i += 2) {
      paths.add(Files.writeString(dir.resolve(files[i]), files[i + 1]));
    }
    return new ReferenceSubmission(
        "accepted/" + dir.getFileName(),
        paths,
        language,
        entrypoint,
        List.of(),
        ReferenceSubmission.TimeLimitUse.NONE);
  }

  private ReferenceSubmission submission(String... files) throws IOException {
    return submission(Optional.empty(), Optional.empty(), files);
  }

  private String languageOf(String... files) throws IOException {
    return ReferenceSources.languageOf(submission(files), LANGUAGES).id();
  }

  @Test
  void aShebangDecidesBetweenPython2AndPython3() throws IOException {
    assertEquals("python2", languageOf("a.py", "#!/usr/bin/env python2\nprint 1\n"));
    assertEquals("python2", languageOf("a.py", "#!/usr/bin/python2.7\nprint 1\n"));
    assertEquals("python2", languageOf("a.py", "#!/usr/bin/env pypy\nprint 1\n"));
    assertEquals("python3", languageOf("a.py", "#!/usr/bin/env pypy3\nprint(1)\n"));
    assertEquals("python3", languageOf("a.py", "#!/usr/bin/env python3\nprint(1)\n"));
    assertEquals("python3", languageOf("a.py", "print(1)\n# python2\n"));
  }

  @Test
  void aLanguageThisJudgeLacksIsNamedAndNeverRunAsAnother() throws IOException {
    ReferenceSources.Detected py2 =
        ReferenceSources.languageOf(
            submission("a.py", "#!/usr/bin/env python2\nprint 1\n"), LANGUAGES);
    assertEquals(Optional.empty(), py2.language());
    assertFalse(py2.available());
    ReferenceSources.Detected kotlin =
        ReferenceSources.languageOf(submission("a.kt", "fun main() {}\n"), LANGUAGES);
    assertEquals("kotlin", kotlin.id());
    assertFalse(kotlin.available());
    assertEquals("?", languageOf("notes", "no extension\n"));
  }

  @Test
  void mostFilesDecideAndTiesGoToProblemtoolsPriority() throws IOException {
    assertEquals("python3", languageOf("a.py", "", "b.py", "", "c.cpp", ""));
    assertEquals("cpp", languageOf("a.c", "", "b.cpp", ""));
    assertEquals("c", languageOf("a.c", "", "a.h", "", "README", ""));
    Optional<String> java = Optional.of("java");
    assertEquals(
        "java",
        ReferenceSources.languageOf(
                submission(java, Optional.empty(), "a.py", "", "b.py", ""), LANGUAGES)
            .id());
  }

  private String mainFileOf(String language, ReferenceSubmission submission) {
    Language l = LANGUAGES.find(language).orElseThrow();
    return ReferenceSources.mainFile(submission, l).getFileName().toString();
  }

  @Test
  void theEntrypointThenMainDotPyThenMainThenJavasMainClass() throws IOException {
    assertEquals(
        "solve.py",
        mainFileOf(
            "python3",
            submission(
                Optional.empty(),
                Optional.of("solve.py"),
                "main.py",
                "",
                "solve.py",
                "",
                "x.py",
                "")));
    assertEquals(
        "__main__.py",
        mainFileOf("python3", submission("a.py", "", "__main__.py", "", "main.py", "")));
    assertEquals("Main.py", mainFileOf("python3", submission("a.py", "", "Main.py", "")));
    assertEquals(
        "Sol.java",
        mainFileOf(
            "java",
            submission(
                "Helper.java",
                "class Helper {}\n",
                "Sol.java",
                "public class Sol { public static void main(String[] a) {} }\n")));
    assertEquals(
        "Sol.java",
        mainFileOf(
            "java",
            submission(
                Optional.empty(),
                Optional.of("pkg.Sol"),
                "A.java",
                "class A { public static void main(String[] a) {} }\n",
                "Sol.java",
                "class Sol {}\n")));
    assertEquals("a.c", mainFileOf("c", submission("a.c", "", "b.c", "", "a.h", "")));
  }

  @Test
  void theCodeHasProblemYamlsConstantsReplaced() throws IOException {
    ReferenceSubmission s =
        submission("a.py", "print({{n}} + 1)\n", "lib.py", "N = {{n.tex}}\n", "main.py", "");
    Constants constants = new Constants(Map.of("n", Map.of("value", "7", "tex", "'seven'")));

    SourceBundle source =
        ReferenceSources.read(s, LANGUAGES.find("python3").orElseThrow(), constants);

    assertEquals(Optional.of("main.py"), source.mainFileName());
    assertArrayEquals(
        "print(7 + 1)\n".getBytes(StandardCharsets.UTF_8), source.others().get("a.py"));
    assertArrayEquals(
        "N = 'seven'\n".getBytes(StandardCharsets.UTF_8), source.others().get("lib.py"));
    SourceBundle answers = ReferenceSources.answers(submission("1.ans", "{{n}}\n"), constants);
    assertArrayEquals("7\n".getBytes(StandardCharsets.UTF_8), answers.main());
  }
}
