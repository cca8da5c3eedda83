package dev.judgefleet.worker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.worker.sandbox.plan.Kernel.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real programs, hostile ones among them, compiled by gcc inside the sandbox and run with small
 * limits. The folder a program sits in is the status it must get; {@code // expect:} lines in it
 * add what else must hold ({@code status X} overrides the folder); {@code // cflags:} adds compiler
 * flags and {@code // stdin:} gives the program a line of input in a world-writable file, which
 * must be unchanged afterwards. On a kernel without the i386 system-call ABI, {@code //
 * without-ia32:} lines replace them: there {@code int 0x80} is a faulting instruction, not a call.
 * No run may print "ESCAPED", and nothing may be left behind.
 */
class ProgramCorpusIT {
  private static final Path CORPUS = Path.of("src/test/resources/programs");

  /**
   * 1 s of CPU; the wall limit leaves room for a busy host (another engine, a build), where a
   * spinning program gets a fraction of a core and must still end on its CPU time.
   */
  private static final RunLimits LIMITS =
      new RunLimits(
          Duration.ofSeconds(1), Duration.ofSeconds(8), 64 << 20, 32, 8 << 20, 8 << 20, 64);

  private static final RunLimits COMPILE =
      new RunLimits(
          Duration.ofSeconds(30), Duration.ofSeconds(60), 512 << 20, 64, 160 << 20, 0, 256);

  private static SandboxEngine engine;
  private static boolean ia32;

  @BeforeAll
  static void start() throws IOException, InterruptedException {
    engine = IntegrationEngine.start();
    ia32 = kernelOffersIa32();
  }

  /**
   * Runs the harmless probe (getpid through int 0x80) outside any sandbox: whether this kernel has
   * the i386 ABI decides what the i386 corpus case must get.
   */
  private static boolean kernelOffersIa32() throws IOException, InterruptedException {
    Path probe = Path.of("target", "ia32-probe").toAbsolutePath();
    Process gcc =
        new ProcessBuilder(
                "gcc", "-O1", "-o", probe.toString(), "src/test/resources/probes/ia32_abi.c")
            .inheritIO()
            .start();
    assertEquals(0, gcc.waitFor(), "compiling the ia32 probe");
    Process run = new ProcessBuilder(probe.toString()).start();
    if (!run.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      run.destroyForcibly();
      return false;
    }
    return run.exitValue() == 0;
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      Path base = engine.cgroupBase();
      engine.close();
      assertFalse(Files.exists(base), "the engine removes its cgroups at close: " + base);
    }
  }

  @AfterEach
  void nothingLeftBehind() throws IOException, InterruptedException {
    Leftovers.assertNone(engine);
  }

  static Stream<Path> programs() throws IOException {
    try (Stream<Path> files = Files.walk(CORPUS)) {
      return files.filter(p -> p.toString().endsWith(".c")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void getsTheStatusOfItsFolder(Path program) throws IOException {
    List<String> expectations = expectations(program, "// expect: ");
    List<String> withoutIa32 = expectations(program, "// without-ia32: ");
    if (!ia32 && !withoutIa32.isEmpty()) {
      expectations = withoutIa32;
    }
    RunStatus expected =
        expectations.stream()
            .filter(e -> e.startsWith("status "))
            .map(e -> RunStatus.valueOf(e.substring("status ".length())))
            .findFirst()
            .orElse(
                RunStatus.valueOf(
                    program.getParent().getFileName().toString().toUpperCase(Locale.ROOT)));
    List<String> gcc = new ArrayList<>(List.of("/usr/bin/gcc", "-O1", "-pthread"));
    for (String flags : expectations(program, "// cflags: ")) {
      gcc.addAll(List.of(flags.split(" ")));
    }
    gcc.addAll(List.of("-o", "main", "main.c"));
    List<String> stdin = expectations(program, "// stdin: ");
    Path input = null;
    if (!stdin.isEmpty()) {
      input = Files.createTempFile("corpus", ".in");
      Files.writeString(input, stdin.get(0) + "\n");
      // World-writable, as a careless package's test input might be.
      Files.setPosixFilePermissions(input, PosixFilePermissions.fromString("rw-rw-rw-"));
    }
    RunResult result;
    try (Sandbox box = engine.open(IntegrationEngine.spec(0))) {
      box.writeWorkFile("main.c", Files.readAllBytes(program));
      RunResult compile = box.run(RunSpec.of(gcc, COMPILE).withWorkWritable(true));
      assertEquals(RunStatus.OK, compile.status(), () -> "compile: " + compile.stderr().headText());
      result = box.run(RunSpec.of(List.of("/box/main"), LIMITS).withStdin(input));
    } finally {
      if (input != null) {
        assertEquals(stdin.get(0) + "\n", Files.readString(input), "the input file was changed");
        Files.delete(input);
      }
    }
    String stdout = result.stdout().headText();
    String context =
        program
            + ": "
            + result.summary()
            + "\nstdout: "
            + stdout
            + "\nstderr: "
            + result.stderr().headText();
    assertFalse(stdout.contains("ESCAPED"), context);
    assertEquals(expected, result.status(), context);
    for (String e : expectations) {
      check(e, result, stdout, context);
    }
  }

  private static void check(String expectation, RunResult r, String stdout, String context) {
    String[] parts = expectation.split(" ", 2);
    String value = parts.length > 1 ? parts[1] : "";
    switch (parts[0]) {
      case "stdout" -> {
        String needle = value.substring("contains ".length());
        assertTrue(stdout.contains(needle), "stdout lacks '" + needle + "' — " + context);
      }
      case "exit" -> assertEquals(Integer.valueOf(value), r.exitCode(), context);
      case "signal" -> {
        assertNotNull(r.signal(), context);
        assertEquals(value, Signal.name(r.signal()), context);
      }
      case "violation" -> assertEquals(value, r.violation(), context);
      case "cause" -> assertEquals(RunCause.valueOf(value), r.cause(), context);
      case "status" -> assertEquals(RunStatus.valueOf(value), r.status(), context);
      case "pids" -> {
        long most = Long.parseLong(value.substring("at most ".length()));
        assertTrue(r.pidsPeak() <= most, "peak tasks " + r.pidsPeak() + " — " + context);
      }
      default -> throw new IllegalArgumentException("unknown expectation: " + expectation);
    }
  }

  private static List<String> expectations(Path program, String prefix) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(program)) {
      if (line.startsWith(prefix)) {
        out.add(line.substring(prefix.length()).strip());
      }
    }
    return out;
  }
}
