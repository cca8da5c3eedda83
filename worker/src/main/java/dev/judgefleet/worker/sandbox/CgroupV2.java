package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.linux.KernelFiles;
import dev.judgefleet.worker.sandbox.linux.NativeCallException;
import dev.judgefleet.worker.sandbox.linux.PolledFile;
import dev.judgefleet.worker.sandbox.plan.Kernel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The cgroup v2 backend: one directory per run below the worker's own cgroup, with {@code
 * memory.max} + {@code memory.swap.max=0}, {@code memory.oom.group}, {@code pids.max}, and the
 * counters {@code cpu.stat}, {@code memory.peak}, {@code memory.events}, {@code pids.peak}.
 *
 * <p>Delegation (cgroup-v2.rst, "No Internal Process Constraint"): controllers can only be enabled
 * for children of a cgroup without processes of its own. If the worker's cgroup has processes (as
 * in a container), they move into a {@code worker} leaf first; all of this stays below the cgroup
 * the worker started in.
 */
public final class CgroupV2 implements CgroupBackend {
  private static final String CONTROLLERS = "+memory +pids";

  private final Path base;

  private CgroupV2(Path base) {
    this.base = base;
  }

  /**
   * Prepares {@code own/NAME} (the engine's base) with the memory and pids controllers for its
   * children.
   *
   * @param own the worker's cgroup directory
   */
  static CgroupV2 create(Path own, String name) {
    enableControllers(own);
    Path base = own.resolve(name);
    mkdir(base);
    KernelFiles.write(base.resolve("cgroup.subtree_control"), CONTROLLERS);
    return new CgroupV2(base);
  }

  private static void enableControllers(Path own) {
    String enabled = KernelFiles.read(own.resolve("cgroup.subtree_control"));
    if (enabled.contains("memory") && enabled.contains("pids")) {
      return;
    }
    try {
      KernelFiles.write(own.resolve("cgroup.subtree_control"), CONTROLLERS);
    } catch (NativeCallException e) {
      if (e.errno() != Kernel.Errno.EBUSY) {
        throw e;
      }
      // Processes live in our cgroup: move them into a leaf, then enable.
      Path leaf = own.resolve("worker");
      if (!Files.isDirectory(leaf)) {
        mkdir(leaf);
      }
      for (String pid : KernelFiles.read(own.resolve("cgroup.procs")).split("\n")) {
        if (!pid.isBlank()) {
          try {
            KernelFiles.write(leaf.resolve("cgroup.procs"), pid.strip());
          } catch (NativeCallException gone) {
            // ESRCH: it exited meanwhile.
          }
        }
      }
      KernelFiles.write(own.resolve("cgroup.subtree_control"), CONTROLLERS);
    }
  }

  @Override
  public String version() {
    return "v2";
  }

  @Override
  public Path base() {
    return base;
  }

  @Override
  public RunCgroup create(String name) {
    Path dir = base.resolve(name);
    mkdir(dir);
    return new Run(dir);
  }

  @Override
  public void removeBase() {
    CgroupBackend.removeTree(base);
  }

  static void mkdir(Path dir) {
    try {
      Files.createDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("mkdir " + dir, e);
    }
  }

  private static final class Run implements RunCgroup {
    private final Path dir;
    private final PolledFile cpuStat;

    Run(Path dir) {
      this.dir = dir;
      this.cpuStat = new PolledFile(dir.resolve("cpu.stat"));
    }

    @Override
    public String describe() {
      return dir.toString();
    }

    @Override
    public void limit(long memoryBytes, int tasks) {
      KernelFiles.write(dir.resolve("memory.max"), Long.toString(memoryBytes));
      Path swap = dir.resolve("memory.swap.max");
      if (Files.exists(swap)) {
        KernelFiles.write(swap, "0");
      }
      // One OOM kill takes the whole run, not a random thread of it.
      KernelFiles.write(dir.resolve("memory.oom.group"), "1");
      KernelFiles.write(dir.resolve("pids.max"), Integer.toString(tasks));
    }

    @Override
    public List<Path> procsFiles() {
      return List.of(dir.resolve("cgroup.procs"));
    }

    @Override
    public long cpuNanos() {
      return CgroupFiles.keyed(cpuStat.read(), "usage_usec") * 1000;
    }

    @Override
    public long[] cpuUserSystemNanos() {
      String stat = cpuStat.read();
      return new long[] {
        CgroupFiles.keyed(stat, "user_usec") * 1000, CgroupFiles.keyed(stat, "system_usec") * 1000
      };
    }

    @Override
    public long memoryPeakBytes() {
      return CgroupFiles.readLongIfPresent(dir.resolve("memory.peak"));
    }

    @Override
    public long pageCacheBytes() {
      // "file" includes shmem (tmpfs) in v2 as well (Documentation/admin-guide/cgroup-v2.rst).
      String stat = KernelFiles.read(dir.resolve("memory.stat"));
      return Math.max(0, CgroupFiles.keyed(stat, "file") - CgroupFiles.keyed(stat, "shmem"));
    }

    @Override
    public long oomKills() {
      return CgroupFiles.keyed(KernelFiles.read(dir.resolve("memory.events")), "oom_kill");
    }

    @Override
    public long tasksPeak() {
      return CgroupFiles.readLongIfPresent(dir.resolve("pids.peak"));
    }

    @Override
    public boolean killAll() {
      Path kill = dir.resolve("cgroup.kill");
      if (!Files.exists(kill)) {
        return false;
      }
      KernelFiles.write(kill, "1");
      return true;
    }

    @Override
    public boolean remove() {
      cpuStat.close();
      return CgroupBackend.rmdir(dir);
    }
  }
}
