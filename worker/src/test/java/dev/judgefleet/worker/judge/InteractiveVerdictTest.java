package dev.judgefleet.worker.judge;

import static dev.judgefleet.worker.judge.JudgeFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.sandbox.RunCause;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunStatus;
import org.junit.jupiter.api.Test;

/** DESIGN §4's precedence for interactive problems. */
class InteractiveVerdictTest {
  private static final RunResult OK = run(RunStatus.OK, RunCause.NONE, 0, null);
  private static final RunResult CRASHED = run(RunStatus.RE, RunCause.SIGNAL, null, 11);
  private static final RunResult SLOW = run(RunStatus.TLE, RunCause.CPU_TIME, null, 9);

  private static Verdict verdict(Verdict validator, boolean validatorFirst, RunResult submission) {
    return InteractiveExecution.verdict(CheckResult.of(validator, ""), validatorFirst, submission);
  }

  @Test
  void aValidatorFailureIsAlwaysTheJudgesError() {
    assertEquals(Verdict.IE, verdict(Verdict.IE, true, CRASHED));
    assertEquals(Verdict.IE, verdict(Verdict.IE, false, SLOW));
  }

  @Test
  void aValidatorThatRejectedFirstOutranksWhatTheSubmissionDidNext() {
    assertEquals(Verdict.WA, verdict(Verdict.WA, true, CRASHED));
    assertEquals(Verdict.WA, verdict(Verdict.WA, true, SLOW));
  }

  @Test
  void otherwiseTheSubmissionsOwnFailureCounts() {
    assertEquals(Verdict.TLE, verdict(Verdict.WA, false, SLOW));
    assertEquals(Verdict.RE, verdict(Verdict.WA, false, CRASHED));
    assertEquals(Verdict.TLE, verdict(Verdict.AC, true, SLOW));
  }

  @Test
  void aCleanSubmissionGetsTheValidatorsVerdict() {
    assertEquals(Verdict.AC, verdict(Verdict.AC, false, OK));
    assertEquals(Verdict.WA, verdict(Verdict.WA, false, OK));
  }
}
