package dev.judgefleet.worker.sandbox;

/** Why a run got its status: which limit, which signal, which call. */
public enum RunCause {
  NONE,
  /** CPU time of the process tree over the limit. */
  CPU_TIME,
  /** Wall-clock time over the limit (a sleeper, or a program waiting for input). */
  WALL_TIME,
  /** Killed by the OOM killer of its cgroup. */
  OOM_KILL,
  /** More memory than the limit at its peak, though not killed for it. */
  MEMORY,
  /** Standard output or error went past the output limit. */
  OUTPUT,
  /** A non-zero exit code. */
  EXIT_CODE,
  /** Killed by a signal. */
  SIGNAL,
  /** A forbidden system call, named where the kernel told us. */
  SYSCALL,
  /** The program's own executable could not be started (execve failed). */
  EXEC,
  /** The sandbox's own setup failed. */
  SETUP,
  /**
   * A managed runtime ended itself at its own heap limit (the JVM's -Xmx, Node's old space), as its
   * output reports and its measured peak confirms.
   */
  HEAP_LIMIT
}
