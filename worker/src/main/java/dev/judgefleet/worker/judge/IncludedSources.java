package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.problem.ProblemPackage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Adds a package's included files ({@code include/<language>/}, else {@code include/default/}) to a
 * submission before it is compiled. An included file replaces the submission's file of the same
 * name. One named as the language names its main file ({@code main.c}, {@code Main.java}) is a
 * driver: it becomes the main file, and the submission's main file stays beside it under its own
 * name, so that the driver can include or call it.
 */
final class IncludedSources {
  private IncludedSources() {}

  static SourceBundle apply(ProblemPackage problem, Language language, SourceBundle source) {
    Map<String, Path> included = problem.includes().forLanguage(language.id());
    if (included.isEmpty()) {
      return source;
    }
    String mainFile = ProgramBuilder.layout(language, source).mainFile();
    byte[] main = source.main();
    Optional<String> mainName = source.mainFileName();
    Map<String, byte[]> others = new LinkedHashMap<>(source.others());
    for (Map.Entry<String, Path> file : included.entrySet()) {
      // problem.yaml's constants are replaced in included files (2025-09 "Constants").
      byte[] bytes = problem.constants().apply(read(problem, file.getValue()));
      if (!file.getKey().equals(mainFile)) {
        others.put(file.getKey(), bytes);
        continue;
      }
      String own =
          source
              .mainFileName()
              .filter(name -> !name.equals(file.getKey()))
              .orElse(ownName(language, file.getKey()));
      if (!own.equals(file.getKey())) {
        others.putIfAbsent(own, main);
      }
      main = bytes;
      mainName = Optional.of(file.getKey());
    }
    return new SourceBundle(main, others, mainName);
  }

  /**
   * A name for a main file that has none of its own (a message's {@code source}) and whose
   * language's name the driver takes; for a language that names the file after its class the two
   * are the same file, which the driver replaces.
   */
  private static String ownName(Language language, String driver) {
    if (language.extensions().isEmpty() || !language.sourceFile().equals(driver)) {
      return driver;
    }
    return "submission." + language.extensions().get(0);
  }

  private static byte[] read(ProblemPackage problem, Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("problem " + problem.id() + ": reading " + file, e);
    }
  }
}
