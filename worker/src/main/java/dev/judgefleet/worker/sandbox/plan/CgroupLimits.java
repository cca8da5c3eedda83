package dev.judgefleet.worker.sandbox.plan;

/**
 * What the worker writes into a run's cgroup on the host before the run: the hard memory limit (no
 * swap) and the task limit. Part of the plan, so a test asserts it like every other layer's.
 *
 * @param memoryBytes {@code memory.max} (v2) or {@code memory.limit_in_bytes} (v1)
 * @param tasks {@code pids.max}
 */
public record CgroupLimits(long memoryBytes, int tasks) {
  public CgroupLimits {
    if (memoryBytes <= 0 || tasks <= 0) {
      throw new IllegalArgumentException(
          "cgroup limits must be positive: " + memoryBytes + ", " + tasks);
    }
  }
}
