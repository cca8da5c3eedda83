package dev.judgefleet.worker.sandbox;

import java.time.Duration;

/**
 * Everything known about a finished run.
 *
 * @param status how it ended
 * @param cause which limit, signal, call or failure decided the status
 * @param exitCode the exit code, or null when a signal ended it or it never started
 * @param signal the fatal signal, or null
 * @param cpuUser user CPU time of the whole tree
 * @param cpuSystem system CPU time of the whole tree
 * @param cpu CPU time of the whole tree from the exec (what limits and verdicts use)
 * @param wall wall time from the exec to the main process's exit
 * @param memoryPeakBytes the run's peak memory (see {@link RunFacts#memoryPeakBytes()})
 * @param oomKilled whether the OOM killer struck in the run's cgroup
 * @param pidsPeak the most tasks alive at once
 * @param stdout the standard output
 * @param stderr the standard error
 * @param setupTime from the run request to the exec: the sandbox's own cost, not charged
 * @param setupError the failing step: the sandbox's when status is IE, the program's own exec when
 *     the cause is EXEC; else null
 * @param violation the forbidden system call, else null
 * @param exitedAtNanos when the main process was seen to exit, on the {@link System#nanoTime()}
 *     clock (CLOCK_MONOTONIC); 0 if it never ran. Orders the two sides of an interactive run.
 */
public record RunResult(
    RunStatus status,
    RunCause cause,
    Integer exitCode,
    Integer signal,
    Duration cpuUser,
    Duration cpuSystem,
    Duration cpu,
    Duration wall,
    long memoryPeakBytes,
    boolean oomKilled,
    long pidsPeak,
    CapturedOutput stdout,
    CapturedOutput stderr,
    Duration setupTime,
    SetupError setupError,
    String violation,
    long exitedAtNanos) {

  /** One line for a terminal: {@code TLE (cpu) cpu 1.003s wall 1.010s mem 1.2 MiB}. */
  public String summary() {
    StringBuilder sb = new StringBuilder(status.name());
    String detail = causeDetail();
    if (!detail.isEmpty()) {
      sb.append(" (").append(detail).append(')');
    }
    sb.append(
        String.format(
            " cpu %.3fs wall %.3fs mem %.1f MiB",
            cpu.toNanos() / 1e9, wall.toNanos() / 1e9, memoryPeakBytes / (1024.0 * 1024)));
    return sb.toString();
  }

  /** The fatal signal's name ({@code SIGSEGV}), or null when no signal ended the run. */
  public String signalName() {
    return signal == null ? null : dev.judgefleet.worker.sandbox.plan.Kernel.Signal.name(signal);
  }

  /** The cause in words: "cpu time", "SIGSEGV", "exit code 3", "ptrace", the setup error. */
  public String causeDetail() {
    return switch (cause) {
      case NONE -> "";
      case CPU_TIME -> "cpu time";
      case WALL_TIME -> "wall time";
      case OOM_KILL -> "oom kill";
      case MEMORY -> "memory peak";
      case OUTPUT -> "output limit";
      case EXIT_CODE -> "exit code " + exitCode;
      case SIGNAL -> dev.judgefleet.worker.sandbox.plan.Kernel.Signal.name(signal);
      case SYSCALL ->
          violation == null ? "forbidden system call" : "forbidden system call " + violation;
      case SETUP -> setupError == null ? "setup failed" : setupError.message();
      case EXEC -> "cannot execute: " + (setupError == null ? "exec failed" : setupError.message());
      case HEAP_LIMIT -> "heap limit";
    };
  }
}
