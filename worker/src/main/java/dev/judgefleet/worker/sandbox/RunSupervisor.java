package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.linux.CapturePipe;
import dev.judgefleet.worker.sandbox.linux.ControlSocket;
import dev.judgefleet.worker.sandbox.linux.Errno;
import dev.judgefleet.worker.sandbox.linux.InitGoneException;
import dev.judgefleet.worker.sandbox.plan.InitReply;
import dev.judgefleet.worker.sandbox.plan.PlanEncoder;
import dev.judgefleet.worker.sandbox.plan.RunPlan;
import dev.judgefleet.worker.sandbox.plan.Step;
import dev.judgefleet.worker.sandbox.plan.StepPhase;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Watches one run from the moment its plan is sent to its exit report: it enforces the CPU limit of
 * the whole process tree (the cgroup's counter, looked at more often as the limit nears) and the
 * wall limit, both counted from the exec; moves the captured output into its files and stops the
 * run past the output limit; and kills the run when another thread asks (the other side of an
 * interactive test has decided).
 */
final class RunSupervisor {
  private static final long KILL_TIMEOUT_NANOS = Duration.ofSeconds(5).toNanos();
  private static final long START_TIMEOUT_NANOS = Duration.ofSeconds(10).toNanos();
  private static final int MAX_POLL_MS = 20;
  private static final long CAPTURE_BATCH_BYTES = 64 * 1024;

  private final ControlSocket control;
  private final int cpus;
  private final BooleanSupplier killRequested;

  RunSupervisor(ControlSocket control, int cpus, BooleanSupplier killRequested) {
    this.control = control;
    this.cpus = cpus;
    this.killRequested = killRequested;
  }

  /**
   * What the supervision of one run saw.
   *
   * @param started the exec report, or null when the program never started
   * @param exited the exit report, or null when none came (a failure of PID 1's own work)
   * @param failure the failing step or operation, or null
   * @param killedFor whether the supervisor killed the run, and for which limit
   * @param retire why the sandbox can serve no further run (its cleanup did not happen), or null
   */
  record Outcome(
      InitReply.Started started,
      InitReply.Exited exited,
      SetupError failure,
      KillReason killedFor,
      String retire) {}

  /**
   * Waits for the run to end.
   *
   * @throws InitGoneException when the init stops answering: the sandbox is lost
   */
  Outcome supervise(RunPlan plan, RunCgroup cgroup, RunLimits limits, List<CapturePipe> captures) {
    long cpuLimit = limits.cpuTime().toNanos();
    long wallLimit = limits.wallTime().toNanos();
    long sent = System.nanoTime();
    InitReply.Started started = null;
    SetupError failure = null;
    KillReason killedFor = KillReason.NONE;
    long killedAt = 0;
    long capturesDueAt = 0;
    for (; ; ) {
      long now = System.nanoTime();
      if (killedFor == KillReason.NONE && captures.stream().anyMatch(CapturePipe::overLimit)) {
        killedFor = KillReason.OUTPUT;
        killedAt = now;
        kill(cgroup);
      }
      int timeoutMs;
      if (killedFor != KillReason.NONE) {
        if (now - killedAt > KILL_TIMEOUT_NANOS) {
          throw new InitGoneException("the init did not end a killed run within 5 s");
        }
        timeoutMs = MAX_POLL_MS;
      } else if (started == null) {
        if (now - sent > START_TIMEOUT_NANOS) {
          killedFor = KillReason.WALL_TIME;
          killedAt = now;
          kill(cgroup);
          failure = RunResults.hostError("exec", 0, "the run did not start within 10 s");
          continue;
        }
        timeoutMs = MAX_POLL_MS;
      } else if (killRequested.getAsBoolean()) {
        killedFor = KillReason.REQUESTED;
        killedAt = now;
        kill(cgroup);
        continue;
      } else {
        Watch watch =
            Watch.of(
                cpuLimit,
                cgroup.cpuNanos() - started.preExecCpuNanos(),
                started.execNanos() + wallLimit - now,
                cpus);
        if (watch.kill() != KillReason.NONE) {
          killedFor = watch.kill();
          killedAt = now;
          kill(cgroup);
          continue;
        }
        timeoutMs = watch.sleepMs();
      }
      List<CapturePipe> watched =
          now >= capturesDueAt
              ? captures.stream().filter(c -> !c.ended()).toList()
              : List.<CapturePipe>of();
      if (watched.isEmpty() && capturesDueAt > now) {
        timeoutMs = (int) Math.max(1, Math.min(timeoutMs, (capturesDueAt - now) / 1_000_000));
      }
      long before = capturedBytes(captures);
      byte[] message = control.receive(timeoutMs, watched);
      long moved = capturedBytes(captures) - before;
      // A trickle of output would wake the worker for every line: after a small batch, let the
      // pipe fill for a millisecond. A full pipe is drained again at once.
      capturesDueAt = moved > 0 && moved < CAPTURE_BATCH_BYTES ? System.nanoTime() + 1_000_000 : 0;
      if (message == null) {
        continue;
      }
      InitReply reply = InitReply.parse(message);
      if (reply instanceof InitReply.Started s) {
        started = s;
      } else if (reply instanceof InitReply.Failed f) {
        failure = RunResults.describe(plan.steps(f.phase()), f);
        if (f.phase() == StepPhase.INIT) {
          // No exit report follows, and the cleanup steps never ran: the sandbox is done.
          return new Outcome(null, null, failure, killedFor, failure.message());
        }
        if (f.phase() == StepPhase.PREPARE) {
          return new Outcome(null, null, failure, killedFor, null);
        }
      } else if (reply instanceof InitReply.Exited exited) {
        String retire = null;
        if (exited.cleanupFailedIndex() >= 0) {
          Step step = plan.cleanup().get(exited.cleanupFailedIndex());
          retire =
              "cleanup step "
                  + exited.cleanupFailedIndex()
                  + " "
                  + step.describe()
                  + ": "
                  + Errno.name(exited.cleanupErrno());
        }
        if (started == null && failure == null) {
          failure = RunResults.hostError("exec", 0, "the run's child died before exec");
        }
        // Every process of the run is gone: what is left in the pipes ends with an end-of-file.
        captures.forEach(CapturePipe::drainToEnd);
        if (killedFor == KillReason.NONE && captures.stream().anyMatch(CapturePipe::overLimit)) {
          killedFor = KillReason.OUTPUT;
        }
        return new Outcome(started, exited, failure, killedFor, retire);
      }
    }
  }

  /**
   * What the limits say of a started run: kill it (for CPU time, which wins, or wall time), or look
   * again after {@code sleepMs}. The sleep is as long as it can be without a kill landing late: the
   * tree cannot spend more than (CPUs x wall) CPU time, so the CPU time left divided by the CPUs is
   * the soonest the CPU limit can be reached; never longer than {@value #MAX_POLL_MS} ms, never
   * under 1 ms.
   *
   * @param kill the limit reached, or {@link KillReason#NONE}
   * @param sleepMs how long to wait for the init before looking again, when not killed
   */
  record Watch(KillReason kill, int sleepMs) {
    static Watch of(long cpuLimitNanos, long cpuNanos, long wallLeftNanos, int cpus) {
      if (cpuNanos >= cpuLimitNanos) {
        return new Watch(KillReason.CPU_TIME, 0);
      }
      if (wallLeftNanos <= 0) {
        return new Watch(KillReason.WALL_TIME, 0);
      }
      long sleep = Math.min(wallLeftNanos, (cpuLimitNanos - cpuNanos) / cpus);
      return new Watch(
          KillReason.NONE, (int) Math.max(1, Math.min(MAX_POLL_MS, sleep / 1_000_000)));
    }
  }

  private void kill(RunCgroup cgroup) {
    control.send(PlanEncoder.control(PlanEncoder.MSG_KILL), new int[0]);
    cgroup.killAll();
  }

  private static long capturedBytes(List<CapturePipe> captures) {
    long sum = 0;
    for (CapturePipe c : captures) {
      sum += c.bytes();
    }
    return sum;
  }
}
