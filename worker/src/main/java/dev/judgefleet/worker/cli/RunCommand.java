package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.judge.CompiledProgram;
import dev.judgefleet.worker.judge.ProgramBuilder;
import dev.judgefleet.worker.judge.SourceBundle;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.sandbox.RunLimits;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunSpec;
import dev.judgefleet.worker.sandbox.Sandbox;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code judge run}: compile one program in the sandbox, then run it once. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Compile and run one program in the sandbox.",
      "Compiles SOURCE in a fresh sandbox when its language needs it, then runs it once under the given limits. Prints the program's stdout and stderr, and a one-line summary on stderr; --json prints one object instead.",
      "Exit status: 0 when the run is OK, 1 otherwise, 2 on a usage error."
    })
public final class RunCommand implements Callable<Integer> {
  static final Duration MAX_CPU = Duration.ofSeconds(120);
  static final Duration MAX_WALL = Duration.ofSeconds(600);
  static final long MAX_MEMORY = 16L << 30;
  static final long MAX_OUTPUT = 1L << 30;

  @Spec CommandSpec spec;

  @Inject WorkerConfig config;

  @Option(
      names = "--language",
      paramLabel = "L",
      description = "c, cpp, python3, java, ... (default: from the extension of SOURCE)")
  String language;

  @Option(
      names = "--time-limit",
      defaultValue = "2s",
      paramLabel = "DURATION",
      description = "CPU time (default: 2s)")
  String timeLimit;

  @Option(
      names = "--wall-limit",
      paramLabel = "DURATION",
      description = "wall time (default: 2 x CPU + 1s)")
  String wallLimit;

  @Option(
      names = "--memory-limit",
      defaultValue = "256m",
      paramLabel = "SIZE",
      description = "memory, the peak of the whole process tree (default: 256m)")
  String memoryLimit;

  @Option(
      names = "--output-limit",
      defaultValue = "64m",
      paramLabel = "SIZE",
      description = "stdout, stderr and any file written, each (default: 64m)")
  String outputLimit;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description = "a file for stdin; '-' reads this command's stdin")
  String input;

  @Option(names = "--json", description = "print the compile and run results as JSON")
  boolean json;

  @Parameters(index = "0", paramLabel = "SOURCE", description = "the source file")
  Path source;

  @Override
  public Integer call() throws IOException {
    Language lang = LanguageArgument.installed(spec, config.catalog(), language, source);
    RunLimits limits = limits();
    byte[] code = readSource();
    Path stdin = stdinFile();
    SourceBundle bundle = SourceBundle.of(code);
    ProgramBuilder.SourceLayout layout = ProgramBuilder.layout(lang, bundle);
    Optional<String> unbuildable = ProgramBuilder.unbuildable(lang, bundle, layout);
    if (unbuildable.isPresent()) {
      reportUnbuildable(unbuildable.get());
      return 1;
    }
    try (SandboxEngine engine = SandboxEngine.start(config.sandbox().engineSettings());
        Sandbox sandbox = engine.open(ProgramBuilder.sandboxFor(lang, 0))) {
      CompiledProgram program =
          ProgramBuilder.build(sandbox, lang, bundle, layout, ProgramBuilder.COMPILE_LIMITS);
      RunResult run = null;
      if (program.ok()) {
        RunSpec runSpec = program.runSpec(limits, wallLimit != null).withStdin(stdin);
        run = sandbox.run(runSpec);
      }
      report(program, run);
      return run != null && run.status() == dev.judgefleet.worker.sandbox.RunStatus.OK ? 0 : 1;
    } finally {
      if (input != null && input.equals("-")) {
        Files.deleteIfExists(stdin);
      }
    }
  }

  private void report(CompiledProgram program, RunResult run) throws IOException {
    PrintStream out = System.out;
    PrintStream err = System.err;
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("compile", program.compile() == null ? null : ResultJson.compile(program));
      doc.put("run", run == null ? null : ResultJson.run(run));
      JsonOutput.print(doc);
      return;
    }
    if (!program.ok()) {
      err.print(program.compilerOutput());
      err.println(
          "compile: " + ResultJson.compileStatus(program) + " " + program.compile().summary());
      return;
    }
    copy(run.stdout().file(), out);
    copy(run.stderr().file(), err);
    err.println("run: " + run.summary());
  }

  /** A source that cannot be compiled as sent: CE, with no compiler run. */
  private void reportUnbuildable(String message) throws IOException {
    if (json) {
      Map<String, Object> compile = new LinkedHashMap<>();
      compile.put("status", "CE");
      compile.put("cause", null);
      compile.put("output", message);
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("compile", compile);
      doc.put("run", null);
      JsonOutput.print(doc);
      return;
    }
    System.err.println(message);
    System.err.println("compile: CE");
  }

  private static void copy(Path file, OutputStream to) throws IOException {
    if (file != null && Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        in.transferTo(to);
      }
      to.flush();
    }
  }

  /** The limits the options give; without --wall-limit, runSpec derives the wall from the CPU. */
  private RunLimits limits() {
    Duration cpu = Units.duration(spec, "--time-limit", timeLimit);
    Duration wall = wallLimit == null ? null : Units.duration(spec, "--wall-limit", wallLimit);
    long memory = Units.bytes(spec, "--memory-limit", memoryLimit);
    long output = Units.bytes(spec, "--output-limit", outputLimit);
    check(
        cpu.toMillis() >= 1 && cpu.compareTo(MAX_CPU) <= 0,
        "--time-limit must be 1ms.." + MAX_CPU.toSeconds() + "s");
    if (wall != null) {
      check(
          wall.compareTo(cpu) >= 0 && wall.compareTo(MAX_WALL) <= 0,
          "--wall-limit must be at least the time limit and at most " + MAX_WALL.toSeconds() + "s");
    }
    check(memory >= (1L << 20) && memory <= MAX_MEMORY, "--memory-limit must be 1m..16g");
    check(output >= 1024 && output <= MAX_OUTPUT, "--output-limit must be 1k..1g");
    RunLimits limits = RunLimits.forCpu(cpu).withMemoryBytes(memory).withOutputBytes(output);
    return wall == null ? limits : limits.withWallTime(wall);
  }

  private byte[] readSource() {
    if (!Files.isRegularFile(source)) {
      throw usage("source file " + source + " does not exist or is not a regular file");
    }
    try {
      long size = Files.size(source);
      if (size > (1L << 20)) {
        throw usage("source file " + source + " is " + size + " bytes; the cap is 1 MiB");
      }
      return Files.readAllBytes(source);
    } catch (IOException e) {
      throw usage("cannot read " + source + ": " + e.getMessage());
    }
  }

  private Path stdinFile() throws IOException {
    if (input == null) {
      return null;
    }
    if (input.equals("-")) {
      Path tmp = Files.createTempFile("judge-run-stdin", ".in");
      try (InputStream in = System.in) {
        Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return tmp;
    }
    Path file = Path.of(input);
    if (!Files.isRegularFile(file)) {
      throw usage("input file " + input + " does not exist or is not a regular file");
    }
    return file.toAbsolutePath();
  }

  private void check(boolean ok, String message) {
    if (!ok) {
      throw usage(message);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
