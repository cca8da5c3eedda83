package dev.judgefleet.worker.sandbox;

/**
 * What was observed about a run, before any judgement: the input of {@link StatusClassifier}.
 *
 * @param setupError the sandbox's own failure, or null
 * @param execError the failed exec of the program's own file (the submission's fault), or null
 * @param exitCode the exit code if the main process exited, else null
 * @param signal the signal that killed the main process, else null
 * @param killedFor whether the supervisor killed the run, and for which limit
 * @param cpuNanos CPU time of the whole tree since the exec
 * @param wallNanos wall time from the exec to the main process's exit
 * @param memoryPeakBytes the run's peak memory: its cgroup's, less page cache, or its resident set,
 *     whichever is larger
 * @param oomKills OOM kills in the run's cgroup
 * @param violation the forbidden system call, as the seccomp notification named it; null if none
 * @param largestOutputBytes the larger of the captured stdout and stderr sizes (at most the limit
 *     plus one byte)
 * @param reportedHeapLimitBytes the heap limit of a managed runtime that its output reports it
 *     reached (the JVM's {@code OutOfMemoryError} under -Xmx); 0 if the run has no such limit or
 *     its output does not report it
 */
public record RunFacts(
    SetupError setupError,
    SetupError execError,
    Integer exitCode,
    Integer signal,
    KillReason killedFor,
    long cpuNanos,
    long wallNanos,
    long memoryPeakBytes,
    long oomKills,
    String violation,
    long largestOutputBytes,
    long reportedHeapLimitBytes) {}
