package dev.judgefleet.worker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.worker.sandbox.StatusClassifier.Classification;
import dev.judgefleet.worker.sandbox.plan.Kernel.Signal;
import dev.judgefleet.worker.sandbox.plan.StepPhase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusClassifierTest {
  private static final RunLimits LIMITS =
      RunLimits.forCpu(Duration.ofSeconds(1)).withMemoryBytes(64 << 20).withOutputBytes(1000);
  private static final long SECOND = 1_000_000_000L;

  private static RunFacts facts(Integer exit, Integer signal) {
    return new RunFacts(
        null, exit, signal, KillReason.NONE, SECOND / 2, SECOND / 2, 1 << 20, 0, null, 10);
  }

  private static Classification classify(RunFacts f) {
    return StatusClassifier.classify(f, LIMITS);
  }

  @Test
  void exitZeroWithinLimitsIsOk() {
    assertEquals(new Classification(RunStatus.OK, RunCause.NONE), classify(facts(0, null)));
  }

  @Test
  void nonZeroExitAndSignalsAreRuntimeErrors() {
    assertEquals(new Classification(RunStatus.RE, RunCause.EXIT_CODE), classify(facts(3, null)));
    assertEquals(new Classification(RunStatus.RE, RunCause.SIGNAL), classify(facts(null, 6)));
  }

  @Test
  void aSetupFailureIsTheJudgesFaultWhateverElseHappened() {
    SetupError error = new SetupError(StepPhase.CHILD, 7, "mount(...)", 1, "EPERM");
    RunFacts f =
        new RunFacts(
            error, null, Signal.SIGKILL, KillReason.CPU_TIME, 2 * SECOND, 0, 0, 1, "ptrace", 0);
    assertEquals(new Classification(RunStatus.IE, RunCause.SETUP), classify(f));
  }

  @Test
  void aViolationOutranksTheKillThatFollowedIt() {
    RunFacts named =
        new RunFacts(null, null, Signal.SIGKILL, KillReason.NONE, 0, 0, 0, 0, "ptrace", 0);
    assertEquals(new Classification(RunStatus.SV, RunCause.SYSCALL), classify(named));
  }

  @Test
  void aSigsysWithoutARecordedViolationIsTheProgramsOwnSignal() {
    RunFacts sigsys = facts(null, Signal.SIGSYS);
    assertEquals(new Classification(RunStatus.RE, RunCause.SIGNAL), classify(sigsys));
  }

  @Test
  void timeLimitsSayWhichOne() {
    RunFacts cpu =
        new RunFacts(
            null, null, Signal.SIGKILL, KillReason.CPU_TIME, SECOND, SECOND, 0, 0, null, 0);
    assertEquals(new Classification(RunStatus.TLE, RunCause.CPU_TIME), classify(cpu));
    RunFacts wall =
        new RunFacts(
            null, null, Signal.SIGKILL, KillReason.WALL_TIME, 1000, 3 * SECOND, 0, 0, null, 0);
    assertEquals(new Classification(RunStatus.TLE, RunCause.WALL_TIME), classify(wall));
    RunFacts xcpu = facts(null, Signal.SIGXCPU);
    assertEquals(new Classification(RunStatus.TLE, RunCause.CPU_TIME), classify(xcpu));
    RunFacts overButExited =
        new RunFacts(null, 0, null, KillReason.NONE, SECOND + 1, SECOND, 0, 0, null, 0);
    assertEquals(new Classification(RunStatus.TLE, RunCause.CPU_TIME), classify(overButExited));
  }

  @Test
  void anOomKillIsMemoryButAPeakWithPageCacheIsNot() {
    RunFacts oom =
        new RunFacts(null, null, Signal.SIGKILL, KillReason.NONE, 0, 0, 70 << 20, 1, null, 0);
    assertEquals(new Classification(RunStatus.MLE, RunCause.OOM_KILL), classify(oom));
    // A big output file's page cache raises the cgroup's peak: not the program's memory.
    RunFacts cache = new RunFacts(null, 0, null, KillReason.NONE, 0, 0, (66 << 20), 0, null, 0);
    assertEquals(RunStatus.OK, classify(cache).status());
  }

  @Test
  void outputAtTheLimitOrSigxfszIsOle() {
    assertEquals(
        new Classification(RunStatus.OLE, RunCause.OUTPUT), classify(facts(null, Signal.SIGXFSZ)));
    RunFacts full = new RunFacts(null, 1, null, KillReason.NONE, 0, 0, 0, 0, null, 1000);
    assertEquals(new Classification(RunStatus.OLE, RunCause.OUTPUT), classify(full));
  }

  @Test
  void theSupervisorsTimeKillOutranksTheOomKiller() {
    RunFacts both =
        new RunFacts(
            null, null, Signal.SIGKILL, KillReason.CPU_TIME, SECOND, SECOND, 70 << 20, 1, null, 0);
    assertEquals(RunStatus.TLE, classify(both).status());
  }
}
