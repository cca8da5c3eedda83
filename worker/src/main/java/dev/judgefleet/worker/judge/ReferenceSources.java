package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.Constants;
import dev.judgefleet.worker.problem.ReferenceSubmission;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The language and the code of a package's reference submission, as the format and problemtools
 * find them (problem.yaml's constants replaced in the code):
 *
 * <ul>
 *   <li>the language is {@code submissions.yaml}'s {@code language}, else the one most of its files
 *       are in by extension (ties go to the one problemtools prefers); a {@code .py} file is Python
 *       2 when its first line is a {@code python2} (or {@code pypy}) shebang, as the legacy format
 *       says, and Python 3 otherwise ({@code pypy3} included). A language the format knows but this
 *       host does not ({@code python2}, {@code kotlin}) is reported by its code, never compiled as
 *       another;
 *   <li>the main file is {@code submissions.yaml}'s {@code entrypoint}, else Python's {@code
 *       __main__.py} (2025-09), else a file named {@code main.*} (problemtools), else (Java) the
 *       file declaring {@code static void main}, else the first in path order.
 * </ul>
 */
public final class ReferenceSources {
  private static final Pattern PYTHON2_SHEBANG =
      Pattern.compile("^#!.*(python2\\b|\\bpypy(?![0-9.]))");
  private static final Pattern MAIN_NAME = Pattern.compile("[mM][aA][iI][nN]\\..*");
  private static final Pattern JAVA_MAIN =
      Pattern.compile("static\\s+(public\\s+)?void\\s+main\\s*\\(");

  /**
   * The format's language codes for extensions this judge has no language for, so that a submission
   * in one is reported by name ("kotlin", skipped) rather than as unknown. From the 2025-09
   * languages table.
   */
  private static final Map<String, String> FORMAT_CODES =
      Map.ofEntries(
          Map.entry("py2", "python2"),
          Map.entry("kt", "kotlin"),
          Map.entry("go", "go"),
          Map.entry("cs", "csharp"),
          Map.entry("fs", "fsharp"),
          Map.entry("hs", "haskell"),
          Map.entry("scala", "scala"),
          Map.entry("rb", "ruby"),
          Map.entry("php", "php"),
          Map.entry("pas", "pascal"),
          Map.entry("ml", "ocaml"),
          Map.entry("lisp", "lisp"),
          Map.entry("cl", "lisp"),
          Map.entry("pl", "prolog"),
          Map.entry("lua", "lua"),
          Map.entry("swift", "swift"),
          Map.entry("ts", "typescript"),
          Map.entry("d", "d"),
          Map.entry("dart", "dart"),
          Map.entry("jl", "julia"),
          Map.entry("f90", "fortran"),
          Map.entry("sh", "bash"),
          Map.entry("zig", "zig"),
          Map.entry("nim", "nim"),
          Map.entry("cob", "cobol"),
          Map.entry("adb", "ada"),
          Map.entry("m", "objectivec"));

  /** problemtools' priorities, highest first: they break ties between languages. */
  private static final List<String> PRIORITY =
      List.of(
          "cpp",
          "c",
          "python2",
          "python3",
          "java",
          "csharp",
          "fsharp",
          "ruby",
          "haskell",
          "rust",
          "scala",
          "javascript",
          "php",
          "go",
          "ocaml",
          "pascal",
          "objectivec",
          "kotlin",
          "lisp");

  private ReferenceSources() {}

  /**
   * What a reference submission is written in.
   *
   * @param id the language code, "?" when nothing tells
   * @param language the catalog's language of that code, if this judge has one
   * @param available whether this host can build and run it
   */
  public record Detected(String id, Optional<Language> language, boolean available) {
    Detected(String id, LanguageCatalog catalog) {
      this(id, catalog.find(id), catalog.find(id).map(catalog::available).orElse(false));
    }
  }

  public static Detected languageOf(ReferenceSubmission submission, LanguageCatalog catalog) {
    if (submission.language().isPresent()) {
      String id = submission.language().get();
      return new Detected(id, catalog);
    }
    Map<String, Integer> evidence = new LinkedHashMap<>();
    for (Path file : submission.files()) {
      languageCode(file, catalog).ifPresent(id -> evidence.merge(id, 1, Integer::sum));
    }
    Optional<String> best =
        evidence.entrySet().stream()
            .max(
                (a, b) ->
                    a.getValue().equals(b.getValue())
                        ? Integer.compare(rank(b.getKey()), rank(a.getKey()))
                        : Integer.compare(a.getValue(), b.getValue()))
            .map(Map.Entry::getKey);
    return best.map(id -> new Detected(id, catalog))
        .orElse(new Detected("?", Optional.empty(), false));
  }

  /** The language code of one file: its extension, and for {@code .py} its shebang. */
  static Optional<String> languageCode(Path file, LanguageCatalog catalog) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String extension = name.substring(dot + 1);
    if (extension.equals("py") && PYTHON2_SHEBANG.matcher(firstLine(file)).find()) {
      return Optional.of("python2");
    }
    Optional<Language> known = catalog.forFile(name);
    if (known.isPresent()) {
      return Optional.of(known.get().id());
    }
    return Optional.ofNullable(FORMAT_CODES.get(extension.toLowerCase(Locale.ROOT)));
  }

  private static int rank(String id) {
    int index = PRIORITY.indexOf(id);
    return index < 0 ? PRIORITY.size() : index;
  }

  /**
   * The submission's code: its main file (see the class comment) and the others beside it under
   * their own names.
   */
  public static SourceBundle read(
      ReferenceSubmission submission, Language language, Constants constants) {
    return read(submission, mainFile(submission, language), constants);
  }

  /**
   * The answers of a submit-answer problem's reference submission: every file, by name. They are an
   * example submission too, so constants are replaced in them.
   */
  public static SourceBundle answers(ReferenceSubmission submission, Constants constants) {
    return read(submission, submission.files().get(0), constants);
  }

  /** The files, problem.yaml's constants replaced in them (2025-09 "Constants"). */
  private static SourceBundle read(ReferenceSubmission submission, Path main, Constants constants) {
    try {
      Map<String, byte[]> others = new LinkedHashMap<>();
      for (Path file : submission.files()) {
        if (!file.equals(main)) {
          others.putIfAbsent(
              file.getFileName().toString(), constants.apply(Files.readAllBytes(file)));
        }
      }
      return new SourceBundle(constants.apply(Files.readAllBytes(main)), others)
          .named(main.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + submission.name(), e);
    }
  }

  static Path mainFile(ReferenceSubmission submission, Language language) {
    List<Path> files = submission.files();
    List<Path> sources = new ArrayList<>();
    for (Path file : files) {
      if (language.isSourceFile(file.getFileName().toString())) {
        sources.add(file);
      }
    }
    if (sources.isEmpty()) {
      return files.get(0);
    }
    if (submission.entrypoint().isPresent()) {
      String entry = submission.entrypoint().get();
      String simple = entry.substring(entry.lastIndexOf('.') + 1);
      for (Path file : sources) {
        String name = file.getFileName().toString();
        if (name.equals(entry) || name.equals(entry + ".java") || name.equals(simple + ".java")) {
          return file;
        }
      }
    }
    for (Path file : sources) {
      if (file.getFileName().toString().equals("__main__.py")) {
        return file;
      }
    }
    for (Path file : sources) {
      if (MAIN_NAME.matcher(file.getFileName().toString()).matches()) {
        return file;
      }
    }
    if (language.id().equals("java")) {
      for (Path file : sources) {
        if (JAVA_MAIN.matcher(text(file)).find()) {
          return file;
        }
      }
    }
    return sources.get(0);
  }

  private static String firstLine(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(256), StandardCharsets.ISO_8859_1);
      int newline = head.indexOf('\n');
      return newline < 0 ? head : head.substring(0, newline);
    } catch (IOException e) {
      return "";
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }
}
