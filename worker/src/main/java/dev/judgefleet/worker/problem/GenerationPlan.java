package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a BAPCtools {@code generators/generators.yaml} asks to be written under {@code data/}: test
 * cases (each from literal contents, a copy, or a generator's run, with its {@code .ans} from the
 * solution when nothing else gives one), {@code test_group.yaml} files, and cases included by name
 * from elsewhere. {@code judge generate} carries it out, running every program in the sandbox.
 *
 * @param root the package directory
 * @param type the problem's type (interactive and multi-pass problems get an empty {@code .ans})
 * @param constants problem.yaml's constants, replaced in generators and solutions as BAPCtools does
 *     (the commands have them replaced already)
 * @param solution the package path of the default solution ({@code submissions/accepted/a.py}), if
 *     any
 * @param generators named generators: each a list of files under {@code generators/}, the first the
 *     entry point
 * @param cases the test cases, in the order the file lists them
 * @param files other files to write ({@code test_group.yaml}), by path under {@code data/}
 * @param includes cases copied from elsewhere, after everything else is written
 * @param warnings what the file does that this judge does not do
 */
public record GenerationPlan(
    Path root,
    ProblemType type,
    Constants constants,
    Optional<String> solution,
    Map<String, List<String>> generators,
    List<Case> cases,
    Map<String, String> files,
    List<Include> includes,
    List<String> warnings) {

  /**
   * The files of a test case, by extension (2025-09 "Test cases", and BAPCtools' own), in the order
   * they are written.
   */
  public static final List<String> CASE_FILES =
      List.of(
          "in",
          "ans",
          "out",
          "interaction",
          "in.statement",
          "ans.statement",
          "in.download",
          "ans.download");

  public GenerationPlan {
    generators = Map.copyOf(generators);
    cases = List.copyOf(cases);
    files = Map.copyOf(files);
    includes = List.copyOf(includes);
    warnings = List.copyOf(warnings);
  }

  /**
   * One test case to write.
   *
   * @param name its path under {@code data/} without extension ({@code secret/03-random})
   * @param key the name generators.yaml gives it (for {@code include})
   * @param literals files given in the YAML, by extension ({@code in}, {@code ans}, {@code
   *     in.statement}, {@code yaml}); a value {@code @link:ext} is a copy of that extension's file
   * @param copy a base path under {@code generators/} whose files are copied, if any
   * @param generate the generator run, if any
   * @param solution the package path of the solution that writes its {@code .ans}; empty when none
   *     may (an empty {@code solution:})
   */
  public record Case(
      String name,
      String key,
      Map<String, String> literals,
      Optional<String> copy,
      Optional<Call> generate,
      Optional<String> solution) {
    public Case {
      literals = Map.copyOf(literals);
    }
  }

  /**
   * A generator's invocation.
   *
   * @param program the generator: a name under {@code generators:}, or a file or directory under
   *     {@code generators/}
   * @param args its arguments, {@code {seed}}, {@code {name}} and {@code {count}} filled in
   * @param command the command as written, for messages
   */
  public record Call(String program, List<String> args, String command) {
    public Call {
      args = List.copyOf(args);
    }
  }

  /**
   * Test cases another directory includes: every case whose key (or whose group's key) is {@code
   * key}, copied into {@code into}.
   */
  public record Include(String into, String key) {}

  /** Reads {@code DIR/generators/generators.yaml}. */
  public static GenerationPlan read(Path dir) {
    return GeneratorsYaml.read(dir);
  }
}
