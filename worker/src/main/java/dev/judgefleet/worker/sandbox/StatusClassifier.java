package dev.judgefleet.worker.sandbox;

/**
 * The one place that turns what was observed about a run into its status. Pure: no I/O, no clock,
 * so every rule is unit-tested.
 *
 * <p>Order matters. A setup failure is the judge's fault whatever else happened; a failed exec of
 * the program's own file is the program's. A forbidden call outranks everything the program did
 * after it. Memory outranks time: an OOM kill, or a peak over the limit, happened while the program
 * ran, and the supervisor's time kill ends the run (time could only have come first between two of
 * the supervisor's looks, a few milliseconds apart). Time outranks output, which outranks a plain
 * crash.
 *
 * <p>A verdict is never taken from a signal alone: a program can raise SIGXCPU, SIGXFSZ or SIGSYS
 * itself. TLE needs the measured time at the limit, OLE the captured output past it, SV a recorded
 * violation; otherwise the signal is a runtime error like any other. Likewise a managed runtime's
 * report that it reached its own heap limit (the JVM's {@code OutOfMemoryError} under -Xmx, which
 * it reaches before the cgroup's OOM killer could act) is MLE only when the run ended by itself
 * with a failure and its measured peak reached at least a quarter of that heap limit: a program
 * cannot print its way to MLE, it must have used the memory. The quarter allows for runtimes that
 * stop well before their resident memory reaches the limit: a copying collector needs room to copy
 * into, and GHC counts a large object's whole megablock group against -M though it touches only
 * about half of it (a Haskell program holding 1 MiB ByteStrings stops at 80 MiB resident under
 * -M256m).
 */
public final class StatusClassifier {
  private StatusClassifier() {}

  public record Classification(RunStatus status, RunCause cause) {}

  public static Classification classify(RunFacts facts, RunLimits limits) {
    if (facts.setupError() != null) {
      return new Classification(RunStatus.IE, RunCause.SETUP);
    }
    if (facts.execError() != null) {
      return new Classification(RunStatus.RE, RunCause.EXEC);
    }
    if (facts.violation() != null) {
      return new Classification(RunStatus.SV, RunCause.SYSCALL);
    }
    if (facts.oomKills() > 0) {
      return new Classification(RunStatus.MLE, RunCause.OOM_KILL);
    }
    if (facts.memoryPeakBytes() > limits.memoryBytes()) {
      return new Classification(RunStatus.MLE, RunCause.MEMORY);
    }
    if (reachedHeapLimit(facts)) {
      return new Classification(RunStatus.MLE, RunCause.HEAP_LIMIT);
    }
    if (facts.killedFor() == KillReason.CPU_TIME || facts.cpuNanos() > limits.cpuTime().toNanos()) {
      return new Classification(RunStatus.TLE, RunCause.CPU_TIME);
    }
    if (facts.killedFor() == KillReason.WALL_TIME) {
      return new Classification(RunStatus.TLE, RunCause.WALL_TIME);
    }
    if (facts.killedFor() == KillReason.OUTPUT
        || facts.largestOutputBytes() > limits.outputBytes()) {
      return new Classification(RunStatus.OLE, RunCause.OUTPUT);
    }
    if (facts.signal() != null) {
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

  private static boolean reachedHeapLimit(RunFacts facts) {
    boolean failedByItself =
        facts.killedFor() == KillReason.NONE
            && (facts.signal() != null || (facts.exitCode() != null && facts.exitCode() != 0));
    return facts.reportedHeapLimitBytes() > 0
        && failedByItself
        && facts.memoryPeakBytes() >= facts.reportedHeapLimitBytes() / 4;
  }
}
