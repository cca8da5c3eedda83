package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.language.EntryPoint;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.sandbox.MountLayer;
import dev.judgefleet.worker.sandbox.RunLimits;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunSpec;
import dev.judgefleet.worker.sandbox.Sandbox;
import dev.judgefleet.worker.sandbox.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a source file into a sandbox and compiles it there, under the compiler's own limits. The
 * compiler is as untrusted as the program: it runs with the same layers, only with more time,
 * memory and processes, and with /box writable.
 */
public final class ProgramBuilder {
  /** How much compiler output a verdict carries. */
  public static final int COMPILER_OUTPUT_BYTES = 64 * 1024;

  /** DOMjudge-like defaults: 30 s CPU, 2 GiB, 128 tasks, 256 MiB of output files. */
  public static final RunLimits COMPILE_LIMITS =
      new RunLimits(
          Duration.ofSeconds(30),
          Duration.ofSeconds(60),
          2048 * RunLimits.MIB,
          128,
          256 * RunLimits.MIB,
          256 * RunLimits.MIB,
          512);

  private ProgramBuilder() {}

  /** The sandbox a program in this language needs: the default view plus its toolchain. */
  public static SandboxSpec sandboxFor(Language language, int slot) {
    return SandboxSpec.forSlot(slot).withBinds(language.binds());
  }

  /**
   * Writes the source into /box (the main file under the language's file name, the others under
   * their own) and compiles it. A compile template's {@code {sources}} is the main file followed by
   * the other files in the language, so C and C++ link every unit while headers are only included.
   *
   * @return the program; {@link CompiledProgram#ok()} is false on a compile error
   */
  public static CompiledProgram build(
      Sandbox sandbox, Language language, SourceBundle source, RunLimits compileLimits) {
    String main = mainName(language, source);
    String fileName = mainFile(language, source);
    // Judge reports a clash as CE through unbuildable(); other callers must not lose a file.
    if (source.others().containsKey(fileName)) {
      throw new IllegalArgumentException(clash(fileName));
    }
    sandbox.writeWorkFile(fileName, source.main());
    List<String> sources = new ArrayList<>(List.of(fileName));
    source
        .others()
        .forEach(
            (name, content) -> {
              sandbox.writeWorkFile(name, content);
              if (language.isSourceFile(name)) {
                sources.add(name);
              }
            });
    if (!language.compiled()) {
      return new CompiledProgram(language, main, fileName, null, "");
    }
    List<String> argv =
        Language.expand(
            withSources(language.compile(), sources), Map.of("source", fileName, "main", main));
    RunResult result = sandbox.run(runSpec(language, argv, compileLimits, true));
    return new CompiledProgram(language, main, fileName, result, compilerOutput(result));
  }

  /**
   * A run of the language's toolchain or program in /box: the default environment with the
   * language's own added, under the language's seccomp profile.
   */
  static RunSpec runSpec(
      Language language, List<String> argv, RunLimits limits, boolean workWritable) {
    List<String> env = new ArrayList<>(RunSpec.DEFAULT_ENV);
    env.addAll(language.env());
    return new RunSpec(
        argv,
        env,
        MountLayer.WORK_DIR,
        null,
        null,
        null,
        limits,
        workWritable,
        language.seccompProfile());
  }

  /** The main class or program name the language's entry-point rule finds in the main file. */
  static String mainName(Language language, SourceBundle source) {
    String text = new String(source.main(), StandardCharsets.UTF_8);
    return language.entryPoint().mainName(text, language.defaultMain());
  }

  /**
   * The name the main file is saved under in /box: the language's name for it, or, when another
   * file of the submission has that name and the main file has a name of its own in the language,
   * its own (a Python module {@code main.py} beside the entry point {@code ac.py}).
   */
  static String mainFile(Language language, SourceBundle source) {
    String named = fileFor(language, mainName(language, source));
    if (source.others().containsKey(named)
        && source.mainFileName().isPresent()
        && language.entryPoint() == EntryPoint.FIXED
        && language.isSourceFile(source.mainFileName().get())
        && !source.others().containsKey(source.mainFileName().get())) {
      return source.mainFileName().get();
    }
    return named;
  }

  private static String fileFor(Language language, String main) {
    return Language.expand(language.sourceFile(), Map.of("main", main));
  }

  /**
   * Why this code cannot be built as sent, the contestant's mistake (CE), or empty. Another file
   * must not take the main file's name: one of the two would be lost.
   */
  public static Optional<String> unbuildable(Language language, SourceBundle source) {
    String fileName = mainFile(language, source);
    return source.others().containsKey(fileName) ? Optional.of(clash(fileName)) : Optional.empty();
  }

  private static String clash(String fileName) {
    return "another file is named "
        + fileName
        + ", the name the main file is compiled under; rename it";
  }

  /** The template with its {@code {sources}} element replaced by the source files, in order. */
  static List<String> withSources(List<String> template, List<String> sources) {
    List<String> out = new ArrayList<>();
    for (String part : template) {
      if (part.equals("{sources}")) {
        out.addAll(sources);
      } else {
        out.add(part);
      }
    }
    return out;
  }

  private static String compilerOutput(RunResult result) {
    String out = result.stdout().headText() + result.stderr().headText();
    if (result.setupError() != null) {
      out += result.setupError().message();
    }
    if (out.length() > COMPILER_OUTPUT_BYTES) {
      out = out.substring(0, COMPILER_OUTPUT_BYTES) + "\n[compiler output truncated]";
    }
    return out;
  }
}
