package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.sandbox.RunLimits;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunSpec;
import dev.judgefleet.worker.sandbox.RunStatus;
import dev.judgefleet.worker.sandbox.Sandbox;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A language proven by its own programs ({@code rootfs-images/tests/<language>/}), each compiled
 * and run in a sandbox of its own, as a submission would be: {@code hello} prints "Hello, World!",
 * {@code aplusb} adds two numbers past 32 bits, {@code compile_error} is CE with the compiler's
 * message, {@code runtime_error} RE, {@code infinite_loop} TLE, {@code memory_hog} MLE, and {@code
 * threads} starts four threads that add 1 to 4 and prints 10. A language without threads has no
 * {@code threads} program; the file name's extension is the language's own.
 */
public final class LanguageTests {
  /** The input of {@code aplusb} and what it must print. */
  public static final String APLUSB_INPUT = "1000000000000 2345\n";

  public static final String APLUSB_OUTPUT = "1000000002345";

  private static final RunLimits LIMITS =
      RunLimits.forCpu(Duration.ofSeconds(2)).withMemoryBytes(256 * RunLimits.MIB);
  private static final RunLimits TLE_LIMITS =
      RunLimits.forCpu(Duration.ofSeconds(1)).withMemoryBytes(256 * RunLimits.MIB);

  /** Time enough for a slow interpreter (Bash) to fill its memory: the hog must end as MLE. */
  private static final RunLimits MLE_LIMITS =
      RunLimits.forCpu(Duration.ofSeconds(10)).withMemoryBytes(256 * RunLimits.MIB);

  /** The programs, in the order of the table. */
  public enum Case {
    HELLO("hello", "OK"),
    APLUSB("aplusb", "OK"),
    COMPILE_ERROR("compile_error", "CE"),
    RUNTIME_ERROR("runtime_error", "RE"),
    INFINITE_LOOP("infinite_loop", "TLE"),
    MEMORY_HOG("memory_hog", "MLE"),
    THREADS("threads", "OK");

    public final String file;
    public final String expected;

    Case(String file, String expected) {
      this.file = file;
      this.expected = expected;
    }
  }

  /**
   * How one program did.
   *
   * @param test which
   * @param present whether the language has this program
   * @param got the status it got (CE for a failed compile), or the failure ("wrong output")
   * @param passed whether it is what the case expects
   * @param wall the run's wall time (zero when it did not run)
   * @param detail the run's summary and the start of its output, for a failure's message
   */
  public record Outcome(
      Case test, boolean present, String got, boolean passed, Duration wall, String detail) {
    static Outcome absent(Case test) {
      return new Outcome(test, false, "-", true, Duration.ZERO, "");
    }
  }

  /** Every outcome of a language. */
  public record Report(Language language, List<Outcome> outcomes) {
    public Report {
      outcomes = List.copyOf(outcomes);
    }

    public boolean passed() {
      return outcomes.stream().allMatch(Outcome::passed);
    }

    public Outcome of(Case test) {
      return outcomes.stream().filter(o -> o.test() == test).findFirst().orElseThrow();
    }
  }

  private LanguageTests() {}

  /** Runs every program of {@code dir} for {@code language}, in the sandbox slot {@code slot}. */
  public static Report run(SandboxEngine engine, Language language, Path dir, int slot) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Case test : Case.values()) {
      Optional<Path> source = source(dir, test);
      outcomes.add(
          source.isEmpty()
              ? Outcome.absent(test)
              : run(engine, language, test, source.get(), slot));
    }
    return new Report(language, outcomes);
  }

  /** {@code dir/<case>.<ext>}, whatever the extension. */
  static Optional<Path> source(Path dir, Case test) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(test.file + ".")).findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + dir, e);
    }
  }

  private static Outcome run(
      SandboxEngine engine, Language language, Case test, Path source, int slot) {
    byte[] code;
    Path input;
    try {
      code = Files.readAllBytes(source);
      input = Files.createTempFile("judge-language-test", ".in");
      Files.writeString(input, APLUSB_INPUT);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + source, e);
    }
    try (Sandbox box = engine.open(ProgramBuilder.sandboxFor(language, slot))) {
      CompiledProgram program =
          ProgramBuilder.build(box, language, SourceBundle.of(code), ProgramBuilder.COMPILE_LIMITS);
      if (!program.ok()) {
        String got = program.compile().status() == RunStatus.IE ? "IE" : "CE";
        boolean passed =
            test == Case.COMPILE_ERROR && got.equals("CE") && !program.compilerOutput().isBlank();
        return new Outcome(
            test,
            true,
            got,
            passed,
            Duration.ZERO,
            program.compile().summary() + ": " + head(program.compilerOutput()));
      }
      RunLimits limits =
          switch (test) {
            case INFINITE_LOOP -> TLE_LIMITS;
            case MEMORY_HOG -> MLE_LIMITS;
            default -> LIMITS;
          };
      RunSpec spec = program.runSpec(limits, false).withStdin(input);
      RunResult run = box.run(spec);
      String stdout = run.stdout().headText().strip();
      String got = run.status().name();
      String detail =
          run.summary()
              + "; stdout: "
              + head(stdout)
              + "; stderr: "
              + head(run.stderr().headText());
      boolean passed = got.equals(test.expected);
      if (passed && run.status() == RunStatus.OK) {
        String want =
            switch (test) {
              case HELLO -> "Hello, World!";
              case APLUSB -> APLUSB_OUTPUT;
              case THREADS -> "10";
              default -> stdout;
            };
        if (!stdout.equals(want)) {
          got = "wrong output";
          passed = false;
        }
      }
      return new Outcome(test, true, got, passed, run.wall(), detail);
    } finally {
      try {
        Files.deleteIfExists(input);
      } catch (IOException e) {
        // A temporary file left behind is harmless.
      }
    }
  }

  private static String head(String text) {
    String t = text.strip().replace('\n', ' ');
    return t.length() > 300 ? t.substring(0, 300) + "..." : t;
  }

  /** The first line a language's version command prints in its sandbox (its image or the host). */
  public static String version(SandboxEngine engine, Language language, int slot) {
    if (language.version().isEmpty()) {
      return "?";
    }
    try (Sandbox box = engine.open(ProgramBuilder.sandboxFor(language, slot))) {
      RunResult r =
          box.run(
              ProgramBuilder.runSpec(
                  language, language.version(), ProgramBuilder.COMPILE_LIMITS, false));
      String out = (r.stdout().headText() + "\n" + r.stderr().headText()).strip();
      String first =
          out.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
      return r.status() == RunStatus.OK && !first.isEmpty() ? first : "? (" + r.summary() + ")";
    }
  }
}
