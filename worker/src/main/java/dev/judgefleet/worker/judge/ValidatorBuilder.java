package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.OutputValidation;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunSpec;
import dev.judgefleet.worker.sandbox.RunStatus;
import dev.judgefleet.worker.sandbox.Sandbox;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import dev.judgefleet.worker.sandbox.WorkFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds a package's output validator in a sandbox, the way the format describes programs: a
 * directory with {@code build}/{@code run} scripts; C or C++ sources (one file or a directory);
 * Python (one file, or a directory with {@code __main__.py}). A validator that includes {@code
 * testlib.h} speaks testlib's protocol instead of the format's.
 */
public final class ValidatorBuilder {
  private static final int MAX_FILES = 4096;
  private static final long MAX_BYTES = 64L << 20;
  private static final long MAX_SOURCE_BYTES = 16L << 20;

  private ValidatorBuilder() {}

  /**
   * Builds the problem's validator in the sandbox of its language (C, C++ or Python; {@code
   * build}/{@code run} scripts use the C++ one, which has a shell and both compilers).
   */
  public static ValidatorProgram build(
      SandboxEngine engine, LanguageCatalog languages, ProblemPackage problem, int slot) {
    Path program = problem.validation().validator().orElseThrow();
    // problem.yaml's constants are replaced in the validator's files (2025-09 "Constants").
    List<WorkFile> sources =
        sources(problem.validation()).stream()
            .map(f -> new WorkFile(f.path(), problem.constants().apply(f.content()), f.mode()))
            .toList();
    boolean testlib = sources.stream().anyMatch(ValidatorBuilder::isTestlib);
    ValidatorProgram.Protocol protocol =
        testlib ? ValidatorProgram.Protocol.TESTLIB : ValidatorProgram.Protocol.KATTIS;
    List<String> names = sources.stream().map(WorkFile::path).toList();
    List<String> compile;
    List<String> run;
    String languageId;
    if (names.contains("build") || names.contains("run")) {
      languageId = "cpp";
      compile = names.contains("build") ? List.of("/bin/sh", "build") : List.of();
      run = List.of("/box/run");
    } else if (names.stream().anyMatch(ValidatorBuilder::isCpp)) {
      languageId = "cpp";
      compile =
          new ArrayList<>(
              List.of("/usr/bin/g++", "-std=gnu++20", "-O2", "-static", "-o", "validator"));
      names.stream().filter(n -> isCpp(n) || n.endsWith(".c")).forEach(compile::add);
      run = List.of("/box/validator");
    } else if (names.stream().anyMatch(n -> n.endsWith(".c"))) {
      languageId = "c";
      compile =
          new ArrayList<>(
              List.of("/usr/bin/gcc", "-std=gnu17", "-O2", "-static", "-o", "validator"));
      names.stream().filter(n -> n.endsWith(".c")).forEach(compile::add);
      compile.add("-lm");
      run = List.of("/box/validator");
    } else if (names.contains("__main__.py")) {
      languageId = "python3";
      compile = List.of();
      run = List.of("/usr/bin/python3", "/box");
    } else if (names.stream().filter(n -> n.endsWith(".py")).count() == 1) {
      // Files in no language (a README, data) go along; they are not programs.
      languageId = "python3";
      compile = List.of();
      run =
          List.of(
              "/usr/bin/python3",
              "/box/" + names.stream().filter(n -> n.endsWith(".py")).findFirst().orElseThrow());
    } else {
      throw new ValidatorBuildException(
          "problem "
              + problem.id()
              + ": cannot tell the language of the output validator "
              + program
              + " (files: "
              + names
              + ")");
    }
    Language language = languages.find(languageId).orElse(null);
    Optional<String> missing =
        language == null ? Optional.of("unknown here") : languages.missing(language);
    if (missing.isPresent()) {
      throw new ValidatorBuildException(
          "problem "
              + problem.id()
              + ": the output validator needs language "
              + languageId
              + ", which this node lacks: "
              + missing.get());
    }
    if (compile.isEmpty()) {
      return new ValidatorProgram(
          problem.id(), problem.contentVersion(), protocol, sources, run, language);
    }
    try (Sandbox box = engine.open(ValidatorProgram.sandboxFor(language, slot))) {
      box.writeWorkFiles(sources);
      RunResult result =
          box.run(RunSpec.of(compile, Judge.compileLimits(problem)).withWorkWritable(true));
      if (result.status() != RunStatus.OK) {
        throw new ValidatorBuildException(
            "problem "
                + problem.id()
                + ": the output validator does not build ("
                + result.summary()
                + "):\n"
                + Messages.cap(result.stderr().headText() + result.stdout().headText()));
      }
      return new ValidatorProgram(
          problem.id(),
          problem.contentVersion(),
          protocol,
          box.snapshotWorkDir(MAX_FILES, MAX_BYTES),
          run,
          language);
    }
  }

  /**
   * The program's files, named relative to the program directory (or by the one file's name). They
   * are the loader's list rather than a walk of our own, because that list is what the content
   * version hashes: a file compiled but not hashed would let the cache, keyed by that version,
   * serve a build of sources that have since changed.
   */
  static List<WorkFile> sources(OutputValidation validation) {
    Path program = validation.validator().orElseThrow();
    List<WorkFile> files = new ArrayList<>();
    long total = 0;
    try {
      for (Path file : validation.files()) {
        total += Files.size(file);
        if (total > MAX_SOURCE_BYTES) {
          throw new ValidatorBuildException(
              "output validator " + program + " is over " + MAX_SOURCE_BYTES + " bytes");
        }
        String name =
            file.equals(program)
                ? program.getFileName().toString()
                : program.relativize(file).toString();
        files.add(new WorkFile(name, Files.readAllBytes(file), mode(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the output validator " + program, e);
    }
    return files;
  }

  private static int mode(Path p) throws IOException {
    return Files.getPosixFilePermissions(p).contains(PosixFilePermission.OWNER_EXECUTE)
        ? 0755
        : 0644;
  }

  private static boolean isCpp(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".cpp") || n.endsWith(".cc") || n.endsWith(".cxx") || n.endsWith(".c++");
  }

  private static boolean isTestlib(WorkFile file) {
    if (file.path().equals("testlib.h") || file.path().endsWith("/testlib.h")) {
      return true;
    }
    if (!isCpp(file.path()) && !file.path().endsWith(".c")) {
      return false;
    }
    String text = new String(file.content(), StandardCharsets.UTF_8);
    return text.contains("#include \"testlib.h\"") || text.contains("#include <testlib.h>");
  }
}
