package dev.judgefleet.worker.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of one run.
 *
 * @param cpuTime CPU time of the whole process tree, counted from the exec
 * @param wallTime wall-clock time from the exec
 * @param memoryBytes the memory the run is judged against; the cgroup limit sits a little above
 * @param processes the most tasks (processes and threads) alive at once
 * @param outputBytes the largest file the run may write, its stdout and stderr included
 * @param stackBytes the stack size limit; 0 means "the memory limit"
 * @param openFiles the descriptor limit
 */
public record RunLimits(
    Duration cpuTime,
    Duration wallTime,
    long memoryBytes,
    int processes,
    long outputBytes,
    long stackBytes,
    int openFiles) {

  public static final long MIB = 1024L * 1024;

  public RunLimits {
    Objects.requireNonNull(cpuTime, "cpuTime");
    Objects.requireNonNull(wallTime, "wallTime");
    positive("cpuTime", cpuTime.toNanos());
    positive("wallTime", wallTime.toNanos());
    positive("memoryBytes", memoryBytes);
    positive("processes", processes);
    positive("outputBytes", outputBytes);
    positive("openFiles", openFiles);
    if (stackBytes < 0) {
      throw new IllegalArgumentException("stackBytes must not be negative: " + stackBytes);
    }
  }

  /** Defaults for a contestant's program: 1 s CPU, wall 2 × CPU + 1 s, 256 MiB, 64 MiB output. */
  public static RunLimits defaults() {
    return forCpu(Duration.ofSeconds(1));
  }

  /** Defaults around a CPU limit, with the wall limit DESIGN §4 gives: 2 × CPU + 1 s. */
  public static RunLimits forCpu(Duration cpu) {
    return new RunLimits(cpu, cpu.multipliedBy(2).plusSeconds(1), 256 * MIB, 64, 64 * MIB, 0, 256);
  }

  /**
   * The cgroup's hard limit: the judged limit plus a small slack, so that an OOM kill proves the
   * program went over the limit it is judged against.
   */
  public long cgroupMemoryBytes() {
    return memoryBytes + Math.max(MIB, Math.min(16 * MIB, memoryBytes / 32));
  }

  public long effectiveStackBytes() {
    return stackBytes == 0 ? memoryBytes : stackBytes;
  }

  public RunLimits withCpuTime(Duration cpu) {
    return new RunLimits(cpu, wallTime, memoryBytes, processes, outputBytes, stackBytes, openFiles);
  }

  public RunLimits withWallTime(Duration wall) {
    return new RunLimits(cpuTime, wall, memoryBytes, processes, outputBytes, stackBytes, openFiles);
  }

  public RunLimits withMemoryBytes(long bytes) {
    return new RunLimits(cpuTime, wallTime, bytes, processes, outputBytes, stackBytes, openFiles);
  }

  public RunLimits withProcesses(int count) {
    return new RunLimits(cpuTime, wallTime, memoryBytes, count, outputBytes, stackBytes, openFiles);
  }

  public RunLimits withOutputBytes(long bytes) {
    return new RunLimits(cpuTime, wallTime, memoryBytes, processes, bytes, stackBytes, openFiles);
  }

  public RunLimits withStackBytes(long bytes) {
    return new RunLimits(cpuTime, wallTime, memoryBytes, processes, outputBytes, bytes, openFiles);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
