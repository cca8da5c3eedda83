package dev.judgefleet.worker.sandbox;

import java.nio.file.Path;
import java.util.List;

/** A run cgroup of given cgroup.procs files, for plan tests that must not touch the kernel. */
final class FakeCgroup implements RunCgroup {
  final List<Path> procs;

  FakeCgroup(List<Path> procs) {
    this.procs = procs;
  }

  @Override
  public String describe() {
    return "fake";
  }

  @Override
  public void limit(long memoryBytes, int tasks) {
    throw new UnsupportedOperationException("plans carry their limits: CgroupLimits");
  }

  @Override
  public List<Path> procsFiles() {
    return procs;
  }

  @Override
  public long cpuNanos() {
    return 0;
  }

  @Override
  public long[] cpuUserSystemNanos() {
    return new long[2];
  }

  @Override
  public long memoryPeakBytes() {
    return 0;
  }

  @Override
  public long pageCacheBytes() {
    return 0;
  }

  @Override
  public long oomKills() {
    return 0;
  }

  @Override
  public long tasksPeak() {
    return 0;
  }

  @Override
  public boolean killAll() {
    return false;
  }

  @Override
  public boolean remove() {
    return true;
  }
}
