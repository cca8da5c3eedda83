package dev.judgefleet.worker.judge;

import dev.judgefleet.model.SourceFileNames;
import dev.judgefleet.worker.language.EntryPoint;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.sandbox.CapturedOutput;
import dev.judgefleet.worker.sandbox.MountLayer;
import dev.judgefleet.worker.sandbox.RunCause;
import dev.judgefleet.worker.sandbox.RunLimits;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunSpec;
import dev.judgefleet.worker.sandbox.RunStatus;
import dev.judgefleet.worker.sandbox.Sandbox;
import dev.judgefleet.worker.sandbox.SandboxSpec;
import dev.judgefleet.worker.sandbox.WorkFile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /** The longest main class or program name: its file and class files must fit NAME_MAX. */
  static final int MAX_MAIN_NAME = 128;

  private ProgramBuilder() {}

  /**
   * The sandbox a program in this language needs: its image as the read-only root (verified before
   * its first use), or without one the host's default view plus the toolchain's binds.
   *
   * @throws dev.judgefleet.worker.rootfs.RootfsException when its image is corrupted or partial
   */
  public static SandboxSpec sandboxFor(Language language, int slot) {
    return language.rootfs().isPresent()
        ? SandboxSpec.inImage(slot, language.rootfs().get().verifiedRoot())
        : SandboxSpec.forSlot(slot).withBinds(language.binds());
  }

  /**
   * Where a submission's main file goes: the main class or program name the language's entry-point
   * rule finds in it, and the file name that gives. Found once per judging (the main file is a
   * contestant's text: the search is linear, see {@code JavaTopLevelTypes}).
   */
  public record SourceLayout(String mainName, String mainFile) {}

  /**
   * The layout of {@code source} in {@code language}: the main file goes under the language's name
   * for it, or, when another file of the submission has that name and the main file has a name of
   * its own in the language, under its own (a Python module {@code main.py} beside the entry point
   * {@code ac.py}, a submission beside the problem's included driver {@code main.c}).
   */
  public static SourceLayout layout(Language language, SourceBundle source) {
    String text = new String(source.main(), StandardCharsets.UTF_8);
    String main = language.entryPoint().mainName(text, language.defaultMain());
    String file = Language.expand(language.sourceFile(), Map.of("main", main));
    Optional<String> own = source.mainFileName();
    if (source.others().containsKey(file)
        && own.isPresent()
        && language.entryPoint() == EntryPoint.FIXED
        && language.isSourceFile(own.get())
        && !source.others().containsKey(own.get())) {
      file = own.get();
    }
    return new SourceLayout(main, file);
  }

  /**
   * Compiles {@code source} under its own layout; it must be buildable (see {@link #unbuildable}).
   */
  public static CompiledProgram build(
      Sandbox sandbox, Language language, SourceBundle source, RunLimits compileLimits) {
    SourceLayout layout = layout(language, source);
    unbuildable(language, source, layout)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    return build(sandbox, language, source, layout, compileLimits);
  }

  /**
   * Writes the source into /box (the main file under the language's file name, the others under
   * their own) and compiles it. A compile template's {@code {sources}} is the main file followed by
   * the other files in the language, so C and C++ link every unit while headers are only included.
   * Every file is passed as {@code ./name}: whatever a name looks like, no compiler reads it as an
   * option or a response file.
   *
   * @return the program; {@link CompiledProgram#ok()} is false on a compile error
   */
  public static CompiledProgram build(
      Sandbox sandbox,
      Language language,
      SourceBundle source,
      SourceLayout layout,
      RunLimits compileLimits) {
    return build(sandbox, language, source, layout, compileLimits, Optional.empty());
  }

  /**
   * As {@link #build(Sandbox, Language, SourceBundle, SourceLayout, RunLimits)}, taking the program
   * from {@code cache} when the same code was compiled before by the same toolchain and command
   * (the compiled files are put into /box beside the sources, nothing runs), and keeping a
   * successful compile there.
   */
  public static CompiledProgram build(
      Sandbox sandbox,
      Language language,
      SourceBundle source,
      SourceLayout layout,
      RunLimits compileLimits,
      Optional<CompileCache> cache) {
    String fileName = layout.mainFile();
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
      return new CompiledProgram(language, layout.mainName(), fileName, null, "");
    }
    List<String> argv =
        Language.expand(
            withSources(language.compile(), sources),
            Map.of("source", asPath(fileName), "main", layout.mainName()));
    if (cache.isEmpty()) {
      return compile(sandbox, language, layout, argv, compileLimits);
    }
    Map<String, byte[]> written = new LinkedHashMap<>();
    written.put(fileName, source.main());
    written.putAll(source.others());
    CompileCacheKey key =
        CompileCacheKey.of(
            written, language.id(), CompileCacheKey.toolchain(language), argv, language.env());
    Optional<CompileCache.Entry> hit = cache.get().get(key);
    if (hit.isPresent()) {
      // Readable by the program's user whatever the compiler's umask was: the worker writes them.
      sandbox.writeWorkFiles(
          hit.get().files().stream()
              .map(f -> new WorkFile(f.path(), f.content(), f.mode() | 0444))
              .toList());
      return new CompiledProgram(
          language, layout.mainName(), fileName, CACHED_COMPILE, hit.get().compilerOutput());
    }
    CompiledProgram program = compile(sandbox, language, layout, argv, compileLimits);
    if (program.ok()) {
      List<WorkFile> produced;
      try {
        produced =
            sandbox.snapshotWorkDir(MAX_CACHED_FILES, MAX_CACHED_BYTES).stream()
                .filter(f -> !written.containsKey(f.path()))
                .toList();
      } catch (RuntimeException e) {
        // Too big or unreadable to keep: this program is compiled each time.
        return program;
      }
      cache
          .get()
          .put(key, program.compile(), new CompileCache.Entry(produced, program.compilerOutput()));
    }
    return program;
  }

  private static CompiledProgram compile(
      Sandbox sandbox,
      Language language,
      SourceLayout layout,
      List<String> argv,
      RunLimits compileLimits) {
    RunResult result =
        sandbox.run(runSpec(language, argv, language.stackCapped(compileLimits), true));
    return new CompiledProgram(
        language, layout.mainName(), layout.mainFile(), result, compilerOutput(result));
  }

  /** The most files and bytes a compile may leave for the cache to keep. */
  static final int MAX_CACHED_FILES = 4096;

  static final long MAX_CACHED_BYTES = 256 * RunLimits.MIB;

  /** What stands for the compile of a program taken from the cache: it succeeded, nothing ran. */
  static final RunResult CACHED_COMPILE =
      new RunResult(
          RunStatus.OK,
          RunCause.NONE,
          0,
          null,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          0,
          false,
          0,
          CapturedOutput.NONE,
          CapturedOutput.NONE,
          Duration.ZERO,
          null,
          null,
          0);

  private static String asPath(String fileName) {
    return "./" + fileName;
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
        language.seccompProfile(),
        null);
  }

  /**
   * Why this code cannot be built as sent, the contestant's mistake (CE), or empty: a main name
   * that cannot be a file name here (too long, characters outside the file-name rule), or another
   * file taking the main file's name (one of the two would be lost).
   */
  public static Optional<String> unbuildable(
      Language language, SourceBundle source, SourceLayout layout) {
    if (layout.mainName().length() > MAX_MAIN_NAME
        || SourceFileNames.problem(layout.mainFile()).isPresent()) {
      String shown =
          layout.mainName().length() > 64
              ? layout.mainName().substring(0, 64) + "…"
              : layout.mainName();
      return Optional.of(
          "the main name '"
              + shown
              + "' ("
              + layout.mainName().length()
              + " characters) cannot name a file here: use at most "
              + MAX_MAIN_NAME
              + " of A-Z a-z 0-9 _");
    }
    String fileName = layout.mainFile();
    return source.others().containsKey(fileName)
        ? Optional.of(
            "another file is named "
                + fileName
                + ", the name the main file is compiled under; rename it")
        : Optional.empty();
  }

  /**
   * The template with its {@code {sources}} element replaced by the source files, in order, each as
   * {@code ./name}.
   */
  static List<String> withSources(List<String> template, List<String> sources) {
    List<String> out = new ArrayList<>();
    for (String part : template) {
      if (part.equals("{sources}")) {
        sources.forEach(name -> out.add(asPath(name)));
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
