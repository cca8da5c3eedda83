package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the custom output validator: the program {@code output_validator/} (2023-07+, a directory
 * or a file), or the program in {@code output_validators/} (legacy, which allows several; this
 * judge runs exactly one). Either name is accepted in either format, with a warning, since tools
 * wrote both for years.
 *
 * <p>In {@code output_validators/}, what is a program follows DOMjudge, which builds the folder as
 * one program: a subdirectory is a program, and files in a language ({@code checker.cpp}) are one
 * program together with the files beside them that have none ({@code testlib.h}, {@code
 * validation.h}, a README): files with no language are not programs.
 */
final class OutputValidatorDir {
  static final String CURRENT = "output_validator";
  static final String LEGACY = "output_validators";

  /** Extensions of the languages a validator may be written in, and build/run scripts. */
  private static final Set<String> PROGRAM_EXTENSIONS =
      Set.of("c", "cc", "cpp", "cxx", "c++", "C", "py", "py3", "java", "sh");

  private static final Set<String> SCRIPTS = Set.of("build", "run");

  private OutputValidatorDir() {}

  static OutputValidation find(PackageFiles files, ProblemYaml problem) {
    LoadReport report = files.report();
    boolean legacyFormat = problem.format() == PackageFormat.LEGACY;
    String own = legacyFormat ? LEGACY : CURRENT;
    String other = legacyFormat ? CURRENT : LEGACY;
    Optional<PackageEntry> ownEntry = files.find(own);
    Optional<PackageEntry> otherEntry = files.find(other);
    Optional<PackageEntry> program = Optional.empty();
    if (legacyFormat && !problem.legacyCustomValidation()) {
      ownEntry
          .or(() -> otherEntry)
          .ifPresent(
              p -> report.warn(p.path() + "/: ignored, problem.yaml says validation: default"));
    } else if (ownEntry.isPresent()) {
      program = program(files, ownEntry.get());
      otherEntry.ifPresent(
          p -> report.warn(other + "/: ignored, " + own + "/ is the output validator"));
    } else if (otherEntry.isPresent()) {
      program = program(files, otherEntry.get());
      program.ifPresent(
          p ->
              report.warn(
                  other
                      + "/: "
                      + (legacyFormat ? "the 2023-07+ name" : "the legacy name")
                      + ", read as "
                      + own
                      + "/"));
    }
    if (legacyFormat && problem.legacyCustomValidation() && program.isEmpty()) {
      throw report.error(
          files.pathOf(LEGACY),
          "problem.yaml says validation: custom, but there is no output validator here");
    }
    ProblemType type = problem.type();
    if (program.isEmpty() && (type.interactive() || type.multiPass())) {
      String kind = type.interactive() ? "an interactive" : "a multi-pass";
      throw report.error(
          files.pathOf(own + "/"), "missing: " + kind + " problem needs a custom output validator");
    }
    List<Path> programFiles =
        program
            .map(p -> checkFiles(files, p).stream().map(f -> underProgram(p, f)).toList())
            .orElse(List.of());
    return new OutputValidation(
        program.map(PackageEntry::file), programFiles, problem.validatorArgs());
  }

  /**
   * The program {@code entry} holds: itself when it is a file or {@code output_validator/}, the one
   * program in {@code output_validators/}; empty (with a warning) when it holds no files at all.
   */
  private static Optional<PackageEntry> program(PackageFiles files, PackageEntry entry) {
    if (!entry.directory()) {
      return Optional.of(entry);
    }
    List<PackageEntry> entries = files.list(entry);
    if (entries.isEmpty()) {
      files.report().warn(entry.path() + "/: ignored, it has no files");
      return Optional.empty();
    }
    if (entry.name().equals(CURRENT)) {
      return Optional.of(entry);
    }
    List<PackageEntry> dirs = entries.stream().filter(PackageEntry::directory).toList();
    List<PackageEntry> sources = entries.stream().filter(e -> isProgramFile(e)).toList();
    if (dirs.isEmpty()) {
      if (sources.isEmpty()) {
        throw files
            .report()
            .error(
                files.pathOf(entry),
                "holds no program: no file in a language a validator may be written in ("
                    + names(entries)
                    + ")");
      }
      if (entries.size() == 1) {
        return Optional.of(entries.get(0));
      }
      // C and C++ files link into one program; Python files are each a program of their own.
      long python = sources.stream().filter(e -> e.name().endsWith(".py")).count();
      if (python == 0 || (python == 1 && sources.size() == 1) || hasScripts(sources)) {
        return Optional.of(entry);
      }
    } else if (dirs.size() == 1 && sources.isEmpty()) {
      return Optional.of(dirs.get(0));
    }
    List<PackageEntry> programs = new ArrayList<>(dirs);
    programs.addAll(sources);
    throw files
        .report()
        .error(
            files.pathOf(entry),
            "holds "
                + programs.size()
                + " programs ("
                + names(programs)
                + "); this judge runs exactly one output validator");
  }

  private static boolean hasScripts(List<PackageEntry> sources) {
    return sources.stream().anyMatch(e -> SCRIPTS.contains(e.name()));
  }

  private static boolean isProgramFile(PackageEntry entry) {
    if (entry.directory()) {
      return false;
    }
    String name = entry.name();
    int dot = name.lastIndexOf('.');
    return SCRIPTS.contains(name)
        || (dot > 0 && PROGRAM_EXTENSIONS.contains(name.substring(dot + 1)));
  }

  private static String names(List<PackageEntry> entries) {
    return entries.stream().map(PackageEntry::name).collect(Collectors.joining(", "));
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
