package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.GenerationPlan;
import dev.judgefleet.worker.problem.ReferenceSubmission;
import dev.judgefleet.worker.sandbox.RunLimits;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunStatus;
import dev.judgefleet.worker.sandbox.Sandbox;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Carries out a {@link GenerationPlan} as {@code bt generate} does: every generator and solution is
 * built and run in the sandbox (a sandbox per program, kept for all its runs), never on the host. A
 * generator's output is its {@code testcase.in} if it wrote one, else its stdout; the other files
 * it writes ({@code testcase.ans}, ...) are kept too. A case without an answer gets the solution's
 * output on its input (an empty one for interactive and multi-pass problems). Files go to {@code
 * data/} under the case's name; a case that fails is reported and the rest go on. problem.yaml's
 * constants are replaced in generators and solutions before they are built, as BAPCtools does.
 */
public final class DataGenerator implements AutoCloseable {
  /** What a generator run may use: generous, but a runaway ends. */
  static final RunLimits LIMITS =
      RunLimits.forCpu(Duration.ofSeconds(60))
          .withMemoryBytes(2048 * RunLimits.MIB)
          .withOutputBytes(512 * RunLimits.MIB);

  private static final long MAX_FILE_BYTES = 512 * RunLimits.MIB;

  /** The files of a case a generator may write: the test case's, and its {@code .yaml}. */
  private static final List<String> EXTENSIONS =
      Stream.concat(GenerationPlan.CASE_FILES.stream(), Stream.of("yaml")).toList();

  private final SandboxEngine engine;
  private final LanguageCatalog languages;
  private final int slot;
  private final Map<String, Built> built = new LinkedHashMap<>();

  /** A built program, with the sandbox it runs in. */
  private record Built(Sandbox sandbox, CompiledProgram program, String error) {}

  /**
   * What came of the plan.
   *
   * @param written every case written, by name
   * @param failures every case that failed, with why
   */
  public record Report(List<String> written, List<String> failures) {}

  public DataGenerator(SandboxEngine engine, LanguageCatalog languages, int slot) {
    this.engine = engine;
    this.languages = languages;
    this.slot = slot;
  }

  public Report generate(GenerationPlan plan, Consumer<String> log) {
    Path data = plan.root().resolve("data");
    List<String> written = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Map<String, Map<String, byte[]>> made = new LinkedHashMap<>();
    for (GenerationPlan.Case c : plan.cases()) {
      try {
        Map<String, byte[]> files = make(plan, c);
        write(data, c.name(), files);
        made.put(c.name(), files);
        written.add(c.name());
        log.accept(c.name() + ": " + describe(c, files));
      } catch (GenerationFailed e) {
        failures.add(c.name() + ": " + e.getMessage());
        log.accept(c.name() + ": FAILED: " + e.getMessage());
      }
    }
    for (GenerationPlan.Include include : plan.includes()) {
      for (Map.Entry<String, Map<String, byte[]>> c : made.entrySet()) {
        if (included(plan, c.getKey(), include.key())) {
          String base = c.getKey().substring(c.getKey().lastIndexOf('/') + 1);
          String name = include.into().isEmpty() ? base : include.into() + "/" + base;
          write(data, name, c.getValue());
          written.add(name);
          log.accept(name + ": included from " + c.getKey());
        }
      }
    }
    plan.files()
        .forEach(
            (path, text) -> writeFile(data.resolve(path), text.getBytes(StandardCharsets.UTF_8)));
    return new Report(written, failures);
  }

  /** A case's files: literals, copies, the generator's output, and the answer. */
  private Map<String, byte[]> make(GenerationPlan plan, GenerationPlan.Case c) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    if (c.copy().isPresent()) {
      for (String ext : EXTENSIONS) {
        Path source = generatorsDir(plan).resolve(c.copy().get() + "." + ext);
        inside(plan, source);
        if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
          files.put(ext, read(source));
        }
      }
    }
    if (c.generate().isPresent()) {
      files.putAll(run(plan, c.generate().get()));
    }
    c.literals()
        .forEach(
            (ext, value) -> {
              if (!value.startsWith("@link:")) {
                files.put(ext, literal(value));
              }
            });
    c.literals()
        .forEach(
            (ext, value) -> {
              if (value.startsWith("@link:") && files.containsKey(value.substring(6))) {
                files.put(ext, files.get(value.substring(6)));
              }
            });
    if (!files.containsKey("in")) {
      throw new GenerationFailed("no .in: the generator wrote nothing and the case gives none");
    }
    // Only judged test cases have answers; invalid_input has none, the other validation
    // directories give theirs.
    if (!files.containsKey("ans")
        && (c.name().startsWith("sample/") || c.name().startsWith("secret/"))) {
      files.put("ans", answer(plan, c, files.get("in")));
    }
    return files;
  }

  /** BAPCtools ends a non-empty literal with a newline. */
  private static byte[] literal(String value) {
    String text = value.isEmpty() || value.endsWith("\n") ? value : value + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] answer(GenerationPlan plan, GenerationPlan.Case c, byte[] input) {
    if (plan.type().interactive() || plan.type().multiPass()) {
      return new byte[0];
    }
    String solution =
        c.solution()
            .or(() -> defaultSolution(plan))
            .orElseThrow(
                () ->
                    new GenerationFailed(
                        "no .ans and no solution: to write it (solution: in generators.yaml)"));
    Built program = build(plan, "solution " + solution, solutionFiles(plan, solution), false);
    try {
      Path in = Files.createTempFile("judgefleet-generate-", ".in");
      try {
        Files.write(in, input);
        RunResult run =
            program
                .sandbox()
                .run(
                    program.program().runSpec(LIMITS, false).withStdin(in).withWorkWritable(false));
        if (run.status() != RunStatus.OK) {
          throw new GenerationFailed(
              "the solution " + solution + " failed: " + run.summary() + stderr(run));
        }
        return readCaptured(run);
      } finally {
        Files.deleteIfExists(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("running the solution " + solution, e);
    }
  }

  /** The package's first accepted submission, as BAPCtools picks when none is named. */
  private static Optional<String> defaultSolution(GenerationPlan plan) {
    Path accepted = plan.root().resolve("submissions/accepted");
    if (!Files.isDirectory(accepted)) {
      return Optional.empty();
    }
    try (Stream<Path> list = Files.list(accepted)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .sorted()
          .findFirst()
          .map(n -> "submissions/accepted/" + n);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private List<Path> solutionFiles(GenerationPlan plan, String solution) {
    Path path = plan.root().resolve(solution);
    inside(plan, path);
    return files(path);
  }

  /** Runs a generator; its files by extension. */
  private Map<String, byte[]> run(GenerationPlan plan, GenerationPlan.Call call) {
    List<String> deps = plan.generators().get(call.program());
    List<Path> sources;
    if (deps != null) {
      sources = new ArrayList<>();
      for (String dep : deps) {
        Path p = generatorsDir(plan).resolve(dep);
        inside(plan, p);
        sources.add(p);
      }
    } else {
      Path p = generatorsDir(plan).resolve(call.program());
      inside(plan, p);
      if (!Files.exists(p)) {
        throw new GenerationFailed(
            "no generator " + call.program() + " (under generators: or in generators/)");
      }
      sources = files(p);
    }
    Built program = build(plan, "generator " + call.program(), sources, deps != null);
    Sandbox sandbox = program.sandbox();
    RunResult run =
        sandbox.run(
            program.program().runSpec(LIMITS, false).withArgs(call.args()).withWorkWritable(true));
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String ext : EXTENSIONS) {
      String name = "testcase." + ext;
      if (Files.exists(sandbox.workDir().resolve(name), LinkOption.NOFOLLOW_LINKS)) {
        files.put(ext, sandbox.readWorkFile(name, MAX_FILE_BYTES));
        sandbox.removeWorkFile(name);
      }
    }
    if (run.status() != RunStatus.OK) {
      throw new GenerationFailed(
          "the generator (" + call.command() + ") failed: " + run.summary() + stderr(run));
    }
    if (!files.containsKey("in")) {
      files.put("in", readCaptured(run));
    }
    return files;
  }

  /** Builds a program once, in a sandbox it keeps for its runs. */
  private Built build(GenerationPlan plan, String what, List<Path> sources, boolean firstIsMain) {
    String key = sources.toString();
    Built b = built.get(key);
    if (b == null) {
      b = compile(plan, what, sources, firstIsMain);
      built.put(key, b);
    }
    if (b.error() != null) {
      throw new GenerationFailed(b.error());
    }
    return b;
  }

  private Built compile(GenerationPlan plan, String what, List<Path> sources, boolean firstIsMain) {
    ReferenceSubmission program =
        new ReferenceSubmission(
            what,
            sources,
            Optional.empty(),
            firstIsMain ? Optional.of(sources.get(0).getFileName().toString()) : Optional.empty(),
            List.of(),
            ReferenceSubmission.TimeLimitUse.NONE);
    ReferenceSources.Detected detected = ReferenceSources.languageOf(program, languages);
    if (!detected.available()) {
      return new Built(
          null, null, what + ": language " + detected.id() + " is not available on this host");
    }
    Language language = detected.language().get();
    Sandbox sandbox = engine.open(ProgramBuilder.sandboxFor(language, slot));
    CompiledProgram compiled;
    try {
      compiled =
          ProgramBuilder.build(
              sandbox,
              language,
              ReferenceSources.read(program, language, plan.constants()),
              ProgramBuilder.COMPILE_LIMITS);
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
    if (!compiled.ok()) {
      sandbox.close();
      return new Built(
          null, null, what + " does not compile:\n" + Messages.cap(compiled.compilerOutput()));
    }
    return new Built(sandbox, compiled, null);
  }

  private static String describe(GenerationPlan.Case c, Map<String, byte[]> files) {
    String how =
        c.generate()
            .map(GenerationPlan.Call::command)
            .or(() -> c.copy().map(p -> "copy of generators/" + p))
            .orElse("given in generators.yaml");
    return how + " -> " + String.join(", ", files.keySet().stream().map(e -> "." + e).toList());
  }

  private static boolean included(GenerationPlan plan, String name, String key) {
    for (GenerationPlan.Case c : plan.cases()) {
      if (c.name().equals(name) && c.key().equals(key)) {
        return true;
      }
    }
    String[] parts = name.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].equals(key) || parts[i].endsWith("-" + key)) {
        return true;
      }
    }
    return false;
  }

  /** Every file of a program that is a file or a directory, in path order. */
  private static List<Path> files(Path program) {
    if (!Files.isDirectory(program)) {
      return List.of(program);
    }
    try (Stream<Path> walk = Files.walk(program)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + program, e);
    }
  }

  private static Path generatorsDir(GenerationPlan plan) {
    return plan.root().resolve("generators");
  }

  /** A path the YAML names must stay inside the package, links resolved. */
  private static void inside(GenerationPlan plan, Path path) {
    try {
      Path real = path.normalize();
      if (Files.exists(path)) {
        real = path.toRealPath();
      }
      if (!real.startsWith(plan.root().toRealPath())) {
        throw new GenerationFailed(path + " is outside the package");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("resolving " + path, e);
    }
  }

  private static byte[] readCaptured(RunResult run) {
    if (run.stdout().truncated()) {
      throw new GenerationFailed("the output is over " + MAX_FILE_BYTES + " bytes");
    }
    return run.stdout().file() == null ? new byte[0] : read(run.stdout().file());
  }

  private static String stderr(RunResult run) {
    String err = run.stderr().headText().strip();
    return err.isEmpty() ? "" : ":\n" + Messages.cap(err);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }

  private static void write(Path data, String name, Map<String, byte[]> files) {
    files.forEach((ext, bytes) -> writeFile(data.resolve(name + "." + ext), bytes));
  }

  private static void writeFile(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  /** Closes every program's sandbox. */
  @Override
  public void close() {
    for (Built b : built.values()) {
      if (b.sandbox() != null) {
        b.sandbox().close();
      }
    }
    built.clear();
  }

  /** One case could not be made; the others go on. */
  static final class GenerationFailed extends RuntimeException {
    GenerationFailed(String message) {
      super(message);
    }
  }
}
