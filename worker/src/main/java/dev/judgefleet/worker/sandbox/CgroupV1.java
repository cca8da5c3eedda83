package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.linux.KernelFiles;
import dev.judgefleet.worker.sandbox.linux.PolledFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The cgroup v1 backend, for hosts in hybrid or legacy mode: a run cgroup is three directories, one
 * in each of the memory, pids and cpuacct hierarchies, each below the worker's own cgroup in that
 * hierarchy.
 *
 * <p>Memory: {@code memory.limit_in_bytes} and, where swap accounting exists, {@code
 * memory.memsw.limit_in_bytes} at the same value (no swap); peak from {@code
 * memory.max_usage_in_bytes}, OOM kills from {@code memory.oom_control}. CPU: {@code cpuacct.usage}
 * (nanoseconds). Tasks: {@code pids.max}, {@code pids.peak}.
 */
public final class CgroupV1 implements CgroupBackend {
  private final Path memoryBase;
  private final Path pidsBase;
  private final Path cpuacctBase;

  private CgroupV1(Path memoryBase, Path pidsBase, Path cpuacctBase) {
    this.memoryBase = memoryBase;
    this.pidsBase = pidsBase;
    this.cpuacctBase = cpuacctBase;
  }

  /** Creates the engine's base {@code name} below the worker's cgroup in each hierarchy. */
  static CgroupV1 create(Path ownMemory, Path ownPids, Path ownCpuacct, String name) {
    Path memory = ownMemory.resolve(name);
    Path pids = ownPids.resolve(name);
    Path cpuacct = ownCpuacct.resolve(name);
    CgroupV2.mkdir(memory);
    CgroupV2.mkdir(pids);
    if (!cpuacct.equals(memory) && !cpuacct.equals(pids)) {
      CgroupV2.mkdir(cpuacct);
    }
    return new CgroupV1(memory, pids, cpuacct);
  }

  @Override
  public String version() {
    return "v1";
  }

  @Override
  public Path base() {
    return memoryBase;
  }

  @Override
  public RunCgroup create(String name) {
    Path memory = memoryBase.resolve(name);
    Path pids = pidsBase.resolve(name);
    Path cpuacct = cpuacctBase.resolve(name);
    CgroupV2.mkdir(memory);
    CgroupV2.mkdir(pids);
    if (!Files.isDirectory(cpuacct)) {
      CgroupV2.mkdir(cpuacct);
    }
    return new Run(memory, pids, cpuacct);
  }

  @Override
  public void removeBase() {
    CgroupBackend.removeTree(memoryBase);
    CgroupBackend.removeTree(pidsBase);
    CgroupBackend.removeTree(cpuacctBase);
  }

  private static final class Run implements RunCgroup {
    private final Path memory;
    private final Path pids;
    private final Path cpuacct;
    private final PolledFile usage;

    Run(Path memory, Path pids, Path cpuacct) {
      this.memory = memory;
      this.pids = pids;
      this.cpuacct = cpuacct;
      this.usage = new PolledFile(cpuacct.resolve("cpuacct.usage"));
    }

    @Override
    public String describe() {
      return memory.toString();
    }

    @Override
    public void limit(long memoryBytes, int tasks) {
      KernelFiles.write(memory.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
      Path memsw = memory.resolve("memory.memsw.limit_in_bytes");
      if (Files.exists(memsw)) {
        // memory+swap at the memory limit: no swap at all. Set after memory.limit_in_bytes,
        // which memsw may never be below.
        KernelFiles.write(memsw, Long.toString(memoryBytes));
      }
      KernelFiles.write(pids.resolve("pids.max"), Integer.toString(tasks));
    }

    @Override
    public List<Path> procsFiles() {
      if (cpuacct.equals(memory) || cpuacct.equals(pids)) {
        return List.of(memory.resolve("cgroup.procs"), pids.resolve("cgroup.procs"));
      }
      return List.of(
          memory.resolve("cgroup.procs"),
          pids.resolve("cgroup.procs"),
          cpuacct.resolve("cgroup.procs"));
    }

    @Override
    public long cpuNanos() {
      return usage.readLong();
    }

    @Override
    public long[] cpuUserSystemNanos() {
      return new long[] {
        CgroupFiles.readLongIfPresent(cpuacct.resolve("cpuacct.usage_user")),
        CgroupFiles.readLongIfPresent(cpuacct.resolve("cpuacct.usage_sys"))
      };
    }

    @Override
    public long memoryPeakBytes() {
      return CgroupFiles.readLong(memory.resolve("memory.max_usage_in_bytes"));
    }

    @Override
    public long pageCacheBytes() {
      // v1's "cache" counts shmem (tmpfs) too (Documentation/admin-guide/cgroup-v1/memory.rst).
      String stat = KernelFiles.read(memory.resolve("memory.stat"));
      return Math.max(0, CgroupFiles.keyed(stat, "cache") - CgroupFiles.keyed(stat, "shmem"));
    }

    @Override
    public long oomKills() {
      return CgroupFiles.keyed(KernelFiles.read(memory.resolve("memory.oom_control")), "oom_kill");
    }

    @Override
    public long tasksPeak() {
      return CgroupFiles.readLongIfPresent(pids.resolve("pids.peak"));
    }

    @Override
    public boolean killAll() {
      return false;
    }

    @Override
    public boolean remove() {
      usage.close();
      boolean removed = CgroupBackend.rmdir(memory);
      removed &= CgroupBackend.rmdir(pids);
      if (!cpuacct.equals(memory) && !cpuacct.equals(pids)) {
        removed &= CgroupBackend.rmdir(cpuacct);
      }
      return removed;
    }
  }
}
