package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the custom output validator: the program {@code output_validator/} (2023-07+, a directory
 * or a file), or the single program in {@code output_validators/} (legacy, which allows several;
 * this judge runs exactly one).
 */
final class OutputValidatorDir {
  static final String CURRENT = "output_validator";
  static final String LEGACY = "output_validators";

  private OutputValidatorDir() {}

  static OutputValidation find(PackageFiles files, ProblemYaml problem) {
    LoadReport report = files.report();
    Optional<PackageEntry> program;
    String expected;
    if (problem.format() == PackageFormat.LEGACY) {
      expected = LEGACY + "/";
      Optional<PackageEntry> single = singleLegacyProgram(files);
      if (problem.legacyCustomValidation()) {
        if (single.isEmpty()) {
          throw report.error(
              files.pathOf(LEGACY),
              "problem.yaml says validation: custom, but there is no output validator here");
        }
        program = single;
      } else {
        single.ifPresent(
            p -> report.warn(LEGACY + "/: ignored, problem.yaml says validation: default"));
        program = Optional.empty();
      }
    } else {
      expected = CURRENT + "/";
      program = files.find(CURRENT);
      if (program.isEmpty()) {
        program = singleLegacyProgram(files);
        program.ifPresent(
            p -> report.warn(LEGACY + "/: the legacy name, used as " + CURRENT + "/"));
      }
    }
    ProblemType type = problem.type();
    if (program.isEmpty() && (type.interactive() || type.multiPass())) {
      String kind = type.interactive() ? "an interactive" : "a multi-pass";
      throw report.error(
          files.pathOf(expected), "missing: " + kind + " problem needs a custom output validator");
    }
    List<Path> programFiles =
        program
            .map(p -> checkFiles(files, p).stream().map(f -> underProgram(p, f)).toList())
            .orElse(List.of());
    return new OutputValidation(
        program.map(PackageEntry::file), programFiles, problem.validatorArgs());
  }

  private static Optional<PackageEntry> singleLegacyProgram(PackageFiles files) {
    Optional<PackageEntry> dir = files.find(LEGACY);
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    if (!dir.get().directory()) {
      throw files.report().error(files.pathOf(dir.get()), "must be a directory of programs");
    }
    List<PackageEntry> programs = files.list(dir.get());
    if (programs.size() > 1) {
      throw files
          .report()
          .error(
              files.pathOf(dir.get()),
              "holds "
                  + programs.size()
                  + " programs ("
                  + programs.stream().map(PackageEntry::name).collect(Collectors.joining(", "))
                  + "); this judge runs exactly one output validator");
    }
    return programs.stream().findFirst();
  }

  /**
   * The program's files, checked: validators are compiled from source, one file at least, each
   * small.
   */
  private static List<PackageEntry> checkFiles(PackageFiles files, PackageEntry program) {
    List<PackageEntry> all = files.walkFiles(program);
    if (all.isEmpty()) {
      throw files.report().error(files.pathOf(program), "the output validator has no files");
    }
    long cap = files.limits().sourceBytes();
    for (PackageEntry file : all) {
      if (file.sizeBytes() > cap) {
        throw files
            .report()
            .error(
                files.pathOf(file),
                PackageFiles.oversize(file, cap) + " allowed for a validator's file");
      }
    }
    return all;
  }

  /**
   * {@code file} under the program's real path by its name in the package, not by its own real
   * path: a file that is a symlink keeps the name the validator's sources use for it.
   */
  private static Path underProgram(PackageEntry program, PackageEntry file) {
    return program.file().resolve(file.pathUnder(program));
  }
}
