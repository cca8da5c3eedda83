package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.sandbox.SandboxSpec;
import dev.judgefleet.worker.sandbox.WorkFile;
import java.util.List;

/**
 * A problem's output validator, built: the files its sandbox's /box gets, and how it is started.
 *
 * @param problemId the problem
 * @param version the package's content version it was built from
 * @param protocol how it is invoked and how its exit code reads
 * @param files what goes into /box (the binary, or the scripts)
 * @param argv the command, before the protocol's arguments
 * @param language the language whose image (or host view) it runs in
 */
public record ValidatorProgram(
    String problemId,
    String version,
    Protocol protocol,
    List<WorkFile> files,
    List<String> argv,
    Language language) {

  public ValidatorProgram {
    files = List.copyOf(files);
    argv = List.copyOf(argv);
    java.util.Objects.requireNonNull(language, "language");
  }

  /** The sandbox it runs (and was built) in: its language's, under the validators' uid range. */
  public SandboxSpec sandbox(int slot) {
    return sandboxFor(language, slot);
  }

  static SandboxSpec sandboxFor(Language language, int slot) {
    return ProgramBuilder.sandboxFor(language, slot + SandboxSpec.VALIDATOR_SLOT_OFFSET);
  }

  /** The two checker conventions the judge speaks. */
  public enum Protocol {
    /**
     * Kattis/ICPC: {@code validator input answer feedback_dir/ [args] < team_output}; exit 42
     * accepts, 43 rejects, anything else is a judge error.
     */
    KATTIS,
    /**
     * testlib: {@code check input output answer}; exit 0 OK, 1 WA, 2 PE, 3 FAIL (a judge error), 4
     * and 8 WA, 7 points.
     */
    TESTLIB
  }
}
