package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.linux.CapturePipe;
import dev.judgefleet.worker.sandbox.linux.Errno;
import dev.judgefleet.worker.sandbox.linux.HostFiles;
import dev.judgefleet.worker.sandbox.linux.SeccompCompiler;
import dev.judgefleet.worker.sandbox.plan.InitOp;
import dev.judgefleet.worker.sandbox.plan.InitReply;
import dev.judgefleet.worker.sandbox.plan.RunPlan;
import dev.judgefleet.worker.sandbox.plan.Step;
import dev.judgefleet.worker.sandbox.plan.StepCode;
import dev.judgefleet.worker.sandbox.plan.StepPhase;
import java.time.Duration;
import java.util.List;

/**
 * Assembles a run's result: the facts the supervision, the cgroup and the captures give, judged by
 * {@link StatusClassifier}, with the figures a verdict reports.
 */
final class RunResults {
  private RunResults() {}

  /** The result of a run that was sent to the init, from what its supervision saw. */
  static RunResult of(
      RunSpec run,
      RunPlan plan,
      RunCgroup cgroup,
      RunSupervisor.Outcome s,
      long requested,
      CapturePipe stdout,
      CapturePipe stderr) {
    CapturedOutput out = captured(stdout);
    CapturedOutput err = captured(stderr);
    InitReply.Started started = s.started();
    InitReply.Exited exited = s.exited();
    long preExec = started == null ? 0 : started.preExecCpuNanos();
    long cpu = started == null ? 0 : Math.max(0, cgroup.cpuNanos() - preExec);
    long[] userSystem = cgroup.cpuUserSystemNanos();
    long wall =
        started == null || exited == null
            ? 0
            : Math.max(0, exited.exitNanos() - started.execNanos());
    long oomKills = cgroup.oomKills();
    String violation = null;
    if (exited != null && exited.violationNr() >= 0) {
      violation = SeccompCompiler.describeCall(exited.violationArch(), exited.violationNr());
    }
    // What the run allocated is its cgroup's peak less the page cache of files it only read;
    // the resident set of its main process also holds pages it maps but never allocated, such as
    // its own executable's (charged to the compile that wrote it).
    long memory =
        Math.max(
            Math.max(0, cgroup.memoryPeakBytes() - cgroup.pageCacheBytes()),
            exited == null ? 0 : exited.maxRssKib() * 1024);
    SetupError failure = s.failure();
    boolean ownExec = failure != null && isOwnExecFailure(plan, failure, run);
    RunFacts facts =
        new RunFacts(
            ownExec ? null : failure,
            ownExec ? failure : null,
            exited == null ? null : exited.exitCode(),
            exited == null ? null : exited.signal(),
            s.killedFor(),
            cpu,
            wall,
            memory,
            oomKills,
            violation,
            Math.max(out.bytes(), err.bytes()),
            reportedHeapLimit(run.heapLimit(), out, err));
    StatusClassifier.Classification c = StatusClassifier.classify(facts, run.limits());
    Duration setup =
        Duration.ofNanos(started == null ? 0 : Math.max(0, started.execNanos() - requested));
    return new RunResult(
        c.status(),
        c.cause(),
        facts.exitCode(),
        facts.signal(),
        Duration.ofNanos(userSystem[0]),
        Duration.ofNanos(userSystem[1]),
        Duration.ofNanos(cpu),
        Duration.ofNanos(wall),
        memory,
        oomKills > 0,
        cgroup.tasksPeak(),
        out,
        err,
        setup,
        failure,
        violation,
        exited == null ? 0 : exited.exitNanos());
  }

  /**
   * Whether the run failed at its exec of a file in the work directory: the submission's own
   * program (an ELF whose interpreter does not exist, a binary for another machine), its fault and
   * not the judge's. Toolchains and validators live outside the work directory or are judged by
   * their callers.
   */
  private static boolean isOwnExecFailure(RunPlan plan, SetupError failure, RunSpec run) {
    if (failure.phase() != StepPhase.CHILD
        || failure.stepIndex() < 0
        || failure.stepIndex() >= plan.child().size()) {
      return false;
    }
    Step step = plan.child().get(failure.stepIndex());
    return step.code() == StepCode.EXEC && run.argv().get(0).startsWith(MountLayer.WORK_DIR + "/");
  }

  /** The runtime's heap limit if its captured output reports reaching it, else 0. */
  private static long reportedHeapLimit(HeapLimit limit, CapturedOutput out, CapturedOutput err) {
    return limit != null && limit.reportedIn(err.headText() + "\n" + out.headText())
        ? limit.bytes()
        : 0;
  }

  private static CapturedOutput captured(CapturePipe pipe) {
    if (pipe == null) {
      return CapturedOutput.NONE;
    }
    HostFiles.Head head = HostFiles.head(pipe.file(), Sandbox.CAPTURE_BYTES);
    return new CapturedOutput(pipe.file(), pipe.bytes(), pipe.overLimit(), head.bytes());
  }

  /** The result of a run the sandbox could not carry out: IE, with the failure named. */
  static RunResult internalError(long requested, SetupError error) {
    CapturedOutput none = CapturedOutput.NONE;
    return new RunResult(
        RunStatus.IE,
        RunCause.SETUP,
        null,
        null,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ZERO,
        0,
        false,
        0,
        none,
        none,
        Duration.ofNanos(System.nanoTime() - requested),
        error,
        null,
        0);
  }

  /** A failure on the worker's side: a cgroup file, the init gone, a descriptor. */
  static SetupError hostError(String call, int errno, String reason) {
    return new SetupError(StepPhase.HOST, -1, call, errno, reason);
  }

  /** A failure the init reported, with the step (or its own operation) named. */
  static SetupError describe(List<Step> steps, InitReply.Failed failed) {
    int index = failed.stepIndex();
    if (failed.phase() == StepPhase.INIT) {
      return new SetupError(
          StepPhase.INIT, -1, InitOp.describe(index), failed.errno(), Errno.name(failed.errno()));
    }
    String call =
        index >= 0 && index < steps.size()
            ? steps.get(index).describe()
            : "step " + index + " (not in the plan)";
    return new SetupError(failed.phase(), index, call, failed.errno(), Errno.name(failed.errno()));
  }
}
