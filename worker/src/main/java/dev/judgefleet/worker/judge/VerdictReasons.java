package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictReason;
import dev.judgefleet.worker.sandbox.RunStatus;

/**
 * Why a judging that ended in {@code IE} did: the sandbox failed under the compile or a test (the
 * judge's fault), or the problem's validator or scoring failed (the problem's). Pure, so every rule
 * is a row of a table in its test.
 */
public final class VerdictReasons {
  private VerdictReasons() {}

  /** The reason of an IE result, or null when the verdict is not IE. */
  public static VerdictReason of(JudgeResult result) {
    if (result.verdict() != Verdict.IE) {
      return null;
    }
    CompiledProgram program = result.compile();
    if (program != null
        && program.compile() != null
        && program.compile().status() == RunStatus.IE) {
      return VerdictReason.SANDBOX_FAILURE;
    }
    for (TestOutcome test : result.tests()) {
      if (test.verdict() != Verdict.IE) {
        continue;
      }
      if (test.run() != null && test.run().status() == RunStatus.IE) {
        return VerdictReason.SANDBOX_FAILURE;
      }
      if (test.check() != null && test.check().failure() != null) {
        return test.check().failure();
      }
    }
    // No test failed on the judge's side: the validator could not be built, or the problem's
    // scoring rules do not add up.
    return VerdictReason.BROKEN_PROBLEM;
  }
}
