package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.sandbox.RunStatus;
import java.util.Optional;

/**
 * Decides the verdict of one test (of one pass of it): from how the submission's run ended, from an
 * output validator's or a testlib checker's exit code, and, for interactive problems, from both
 * sides together. Pure; every rule is in {@code TestVerdictTest}'s tables.
 */
final class TestVerdict {
  private TestVerdict() {}

  /** The verdict of a run that did not end OK; an OK run is AC until its output is checked. */
  static Verdict ofRun(RunStatus status) {
    return switch (status) {
      case OK -> Verdict.AC;
      case TLE -> Verdict.TLE;
      case MLE -> Verdict.MLE;
      case OLE -> Verdict.OLE;
      case RE -> Verdict.RE;
      case SV -> Verdict.SV;
      case IE -> Verdict.IE;
    };
  }

  /**
   * A batch test: the run's own failure outranks its output, which is checked only when the run
   * ended OK.
   *
   * @param check the output check's verdict; ignored (and may be null) when the run failed
   */
  static Verdict batch(RunStatus run, Verdict check) {
    return run == RunStatus.OK ? check : ofRun(run);
  }

  /**
   * An interactive test, in the specification's order of precedence: the validator failed → IE; the
   * validator ended first and rejected → WA (the submission's later trouble is a consequence); the
   * submission over time → TLE; the submission failed otherwise → its verdict; else the
   * validator's.
   *
   * @param validatorFirst whether the validator exited before the submission's end was visible to
   *     it (decided by cause, see {@link InteractiveExecution})
   */
  static Verdict interactive(Verdict validator, boolean validatorFirst, RunStatus submission) {
    if (validator == Verdict.IE) {
      return Verdict.IE;
    }
    if (validatorFirst && validator == Verdict.WA) {
      return Verdict.WA;
    }
    if (submission == RunStatus.TLE) {
      return Verdict.TLE;
    }
    if (submission != RunStatus.OK) {
      return ofRun(submission);
    }
    return validator;
  }

  /**
   * A Kattis output validator's exit code: 42 accepts, 43 rejects; anything else is not a judgement
   * (the validator failed, which is the problem's fault).
   */
  static Optional<Verdict> kattis(int exitCode) {
    return switch (exitCode) {
      case 42 -> Optional.of(Verdict.AC);
      case 43 -> Optional.of(Verdict.WA);
      default -> Optional.empty();
    };
  }

  /**
   * A testlib checker's exit code: 0 ok, 1 wrong answer (4 and 8 are older testlibs' dirt and
   * unexpected-EOF codes for the same), 2 presentation error, 7 points (accepted with a score); 3
   * (fail) and anything else is not a judgement.
   */
  static Optional<Verdict> testlib(int exitCode) {
    return switch (exitCode) {
      case 0, 7 -> Optional.of(Verdict.AC);
      case 1, 4, 8 -> Optional.of(Verdict.WA);
      case 2 -> Optional.of(Verdict.PE);
      default -> Optional.empty();
    };
  }
}
