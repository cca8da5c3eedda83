package dev.judgefleet.worker.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * The cgroup of one run: created fresh (counters start at zero), limited before the run, joined by
 * the run's child as its first step, read after the run, then removed.
 */
public interface RunCgroup {

  /** Where it lives, for messages: {@code /sys/fs/cgroup/.../run-17}. */
  String describe();

  /** Sets the hard memory limit (no swap) and the task limit. */
  void limit(long memoryBytes, int tasks);

  /** The {@code cgroup.procs} files to write "0" to, one per hierarchy. */
  List<Path> procsFiles();

  /** CPU time used by every task that was in the cgroup, in nanoseconds; cheap, polled. */
  long cpuNanos();

  /** User and system CPU time, in nanoseconds. */
  long[] cpuUserSystemNanos();

  /** The most memory charged to the cgroup at once, page cache included. */
  long memoryPeakBytes();

  /**
   * Page cache charged to the cgroup now, tmpfs excluded: files the run read for the first time on
   * this node (a runtime's libraries), which the kernel reclaims at will and which are not the
   * program's memory. tmpfs pages (/tmp, /dev/shm) cannot be reclaimed and are.
   */
  long pageCacheBytes();

  long oomKills();

  long tasksPeak();

  /** Kills every task in the cgroup if the kernel offers that (v2 {@code cgroup.kill}). */
  boolean killAll();

  /** Removes the cgroup; false while tasks are still leaving it (rmdir: EBUSY). */
  boolean remove();
}
