package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.sandbox.IntegrationEngine;
import dev.judgefleet.worker.sandbox.Leftovers;
import dev.judgefleet.worker.sandbox.RunLimits;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunStatus;
import dev.judgefleet.worker.sandbox.Sandbox;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import dev.judgefleet.worker.sandbox.WorkFileException;
import dev.judgefleet.worker.sandbox.linux.NativeCallException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every language this host has, compiled and run unmodified under the default seccomp profile (the
 * JVM with a thread pool, Node, Python, Rust with a thread), and a compile error in each compiled
 * one.
 */
class LanguagesIT {
  private static final Path SOURCES = Path.of("src/test/resources/languages");
  private static SandboxEngine engine;
  private static final LanguageCatalog CATALOG = IntegrationEngine.catalog();

  @TempDir Path temp;

  @BeforeAll
  static void start() {
    engine = IntegrationEngine.start();
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  @AfterEach
  void nothingLeftBehind() throws IOException, InterruptedException {
    Leftovers.assertNone(engine);
  }

  static Stream<String> languages() {
    return CATALOG.all().stream().map(Language::id);
  }

  private static Language language(String id) {
    Language language = CATALOG.find(id).orElseThrow();
    assumeTrue(CATALOG.available(language), id + " is not installed here");
    return language;
  }

  /** A program of this folder in the language; the test is skipped for a language without one. */
  private static Path source(Language language, String name) {
    Path source = SOURCES.resolve(name + "." + language.extensions().get(0));
    assumeTrue(
        Files.exists(source), "no " + source.getFileName() + " here (see rootfs-images/tests)");
    return source;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("languages")
  void compilesAndRunsAPlusB(String id) throws IOException {
    Language language = language(id);
    Path input = Files.writeString(temp.resolve("in"), "1000000000000 2345\n");
    try (Sandbox box = engine.open(ProgramBuilder.sandboxFor(language, 3))) {
      CompiledProgram program =
          ProgramBuilder.build(
              box,
              language,
              SourceBundle.of(Files.readAllBytes(source(language, "aplusb"))),
              ProgramBuilder.COMPILE_LIMITS);
      assertEquals("1000000002345\n", runOk(box, program, input));
    }
  }

  /**
   * A submission of several files: the main one, a second unit or module the compile (or the
   * interpreter) must find beside it, and in C and C++ a header.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("languages")
  void compilesAndRunsASubmissionOfSeveralFiles(String id) throws IOException {
    Language language = language(id);
    Path dir = SOURCES.resolve("multifile").resolve(id);
    assumeTrue(Files.isDirectory(dir), "no multi-file example for " + id);
    Path main;
    Map<String, byte[]> others = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.sorted().toList();
      main =
          all.stream()
              .filter(f -> f.getFileName().toString().matches("(?i)main\\..*"))
              .findFirst()
              .orElseThrow();
      for (Path f : all) {
        if (!f.equals(main)) {
          others.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
      }
    }
    Path input = Files.writeString(temp.resolve("in"), "40 2\n");
    try (Sandbox box = engine.open(ProgramBuilder.sandboxFor(language, 3))) {
      CompiledProgram program =
          ProgramBuilder.build(
              box,
              language,
              new SourceBundle(Files.readAllBytes(main), others),
              ProgramBuilder.COMPILE_LIMITS);
      assertEquals("42\n", runOk(box, program, input));
    }
  }

  private static String runOk(Sandbox box, CompiledProgram program, Path input) {
    assertEquals(true, program.ok(), program.compilerOutput());
    RunResult run =
        box.run(
            program
                .runSpec(RunLimits.forCpu(Duration.ofSeconds(5)).withMemoryBytes(256 << 20), false)
                .withStdin(input));
    assertEquals(RunStatus.OK, run.status(), run.summary() + "\n" + run.stderr().headText());
    return run.stdout().headText();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("languages")
  void aCompileErrorCarriesTheCompilerOutput(String id) throws IOException {
    Language language = language(id);
    assumeTrue(language.compiled(), id + " has no compile step");
    try (Sandbox box = engine.open(ProgramBuilder.sandboxFor(language, 3))) {
      CompiledProgram program =
          ProgramBuilder.build(
              box,
              language,
              SourceBundle.of(Files.readAllBytes(source(language, "broken"))),
              ProgramBuilder.COMPILE_LIMITS);
      assertFalse(program.ok());
      assertEquals(RunStatus.RE, program.compile().status(), program.compile().summary());
      assertFalse(program.compilerOutput().isBlank());
      assertNull(program.compile().setupError());
    }
  }

  /**
   * A submitted file named like a module the syntax check itself imports must not run during the
   * compile, where the work directory is writable and the limits are the compiler's.
   */
  @Test
  void theCompileStepRunsNoSubmittedCode() throws IOException {
    Language python = language("python3");
    byte[] shadow =
        ("import os\n"
                + "open('/box/ESCAPED', 'w').write('ran at compile time')\n"
                + "print('ESCAPED')\n"
                + "os._exit(0)\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] main = "print(sum(map(int, input().split())))\n".getBytes(StandardCharsets.UTF_8);
    Path input = Files.writeString(temp.resolve("in"), "40 2\n");
    try (Sandbox box = engine.open(ProgramBuilder.sandboxFor(python, 3))) {
      CompiledProgram program =
          ProgramBuilder.build(
              box,
              python,
              new SourceBundle(main, Map.of("argparse.py", shadow, "py_compile.py", shadow)),
              ProgramBuilder.COMPILE_LIMITS);
      assertFalse(program.compilerOutput().contains("ESCAPED"), program.compilerOutput());
      assertEquals("42\n", runOk(box, program, input));
      WorkFileException missing =
          assertThrows(WorkFileException.class, () -> box.readWorkFile("ESCAPED", 100));
      assertEquals("ENOENT", ((NativeCallException) missing.getCause()).errnoName());
    }
  }
}
