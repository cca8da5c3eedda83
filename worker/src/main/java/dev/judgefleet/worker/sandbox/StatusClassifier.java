package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.plan.Kernel.Signal;

/**
 * The one place that turns what was observed about a run into its status. Pure: no I/O, no clock,
 * so every rule is unit-tested.
 *
 * <p>Order matters. A setup failure is the judge's fault whatever else happened. A forbidden call
 * outranks everything the program did after it. The supervisor's own time kill outranks the OOM
 * killer (the program was already over time). An OOM kill outranks an output overflow, which
 * outranks a plain crash: SIGKILL and SIGXFSZ are consequences of limits, not the program's bugs.
 *
 * <p>Memory is judged by the OOM killer alone. The cgroup's peak also counts page cache (the
 * program's own output file, its input), so a peak above the limit proves nothing; an OOM kill in a
 * cgroup whose hard limit sits just above the problem's limit does.
 */
public final class StatusClassifier {
  private StatusClassifier() {}

  public record Classification(RunStatus status, RunCause cause) {}

  public static Classification classify(RunFacts facts, RunLimits limits) {
    if (facts.setupError() != null) {
      return new Classification(RunStatus.IE, RunCause.SETUP);
    }
    Integer signal = facts.signal();
    // Only a recorded violation: every forbidden call is reported by the seccomp notification,
    // and a SIGSYS without one is a signal the program raised itself.
    if (facts.violation() != null) {
      return new Classification(RunStatus.SV, RunCause.SYSCALL);
    }
    if (facts.killedFor() == KillReason.CPU_TIME
        || facts.cpuNanos() > limits.cpuTime().toNanos()
        || (signal != null && signal == Signal.SIGXCPU)) {
      return new Classification(RunStatus.TLE, RunCause.CPU_TIME);
    }
    if (facts.killedFor() == KillReason.WALL_TIME) {
      return new Classification(RunStatus.TLE, RunCause.WALL_TIME);
    }
    if (facts.oomKills() > 0) {
      return new Classification(RunStatus.MLE, RunCause.OOM_KILL);
    }
    if ((signal != null && signal == Signal.SIGXFSZ)
        || facts.largestOutputBytes() >= limits.outputBytes()) {
      return new Classification(RunStatus.OLE, RunCause.OUTPUT);
    }
    if (signal != null) {
      return new Classification(RunStatus.RE, RunCause.SIGNAL);
    }
    if (facts.exitCode() != null && facts.exitCode() != 0) {
      return new Classification(RunStatus.RE, RunCause.EXIT_CODE);
    }
    if (facts.wallNanos() > limits.wallTime().toNanos()) {
      return new Classification(RunStatus.TLE, RunCause.WALL_TIME);
    }
    return new Classification(RunStatus.OK, RunCause.NONE);
  }
}
