package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a package adds to every submission (2025-09 "Included files", legacy "Included code"):
 * {@code include/<language>/} for submissions in that language, else {@code include/default/}. They
 * are added before compiling, after the code size check, and replace a submission's file of the
 * same name.
 *
 * @param byLanguage the files of each directory under {@code include/} (its name is the language
 *     code, or {@code default}), by file name
 */
public record IncludedFiles(Map<String, Map<String, Path>> byLanguage) {
  public static final IncludedFiles NONE = new IncludedFiles(Map.of());
  public static final String DEFAULT = "default";

  public IncludedFiles {
    Map<String, Map<String, Path>> copy = new LinkedHashMap<>();
    byLanguage.forEach((language, files) -> copy.put(language, Map.copyOf(files)));
    byLanguage = Map.copyOf(copy);
  }

  /** The files for a submission in {@code language}: its own directory's, else the default's. */
  public Map<String, Path> forLanguage(String language) {
    return byLanguage.getOrDefault(language, byLanguage.getOrDefault(DEFAULT, Map.of()));
  }
}
