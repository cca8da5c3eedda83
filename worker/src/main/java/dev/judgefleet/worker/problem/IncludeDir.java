package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads {@code include/}: one directory of files per language code, and {@code default}. */
final class IncludeDir {
  static final String INCLUDE = "include";

  private IncludeDir() {}

  static IncludedFiles read(PackageFiles files) {
    Optional<PackageEntry> dir = files.find(INCLUDE).filter(PackageEntry::directory);
    if (dir.isEmpty()) {
      return IncludedFiles.NONE;
    }
    LoadReport report = files.report();
    long cap = files.limits().sourceBytes();
    Map<String, Map<String, Path>> byLanguage = new LinkedHashMap<>();
    for (PackageEntry language : files.list(dir.get())) {
      if (!language.directory()) {
        report.warn(language.path() + ": ignored, include/ holds one directory per language");
        continue;
      }
      Map<String, Path> included = new LinkedHashMap<>();
      for (PackageEntry file : files.list(language)) {
        if (file.directory()) {
          report.warn(file.path() + "/: ignored, included files are plain files");
        } else if (file.sizeBytes() > cap) {
          throw report.error(
              files.pathOf(file),
              PackageFiles.oversize(file, cap) + " allowed for an included file");
        } else {
          included.put(file.name(), file.file());
        }
      }
      if (included.isEmpty()) {
        report.warn(language.path() + "/: ignored, it has no files");
      } else {
        byLanguage.put(language.name(), included);
      }
    }
    return new IncludedFiles(byLanguage);
  }
}
