package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.linux.KernelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Chooses the cgroup backend for this host: v2 where the worker's cgroup offers the memory and pids
 * controllers, else v1 where the memory, pids and cpuacct hierarchies are mounted. Cleans up what a
 * crashed worker left behind (directories of workers whose PID is gone).
 */
public final class CgroupBackends {
  private static final Pattern OURS = Pattern.compile("judgefleet-(\\d+)(-\\d+)?");

  /** Engines started by this process so far: two in one JVM get bases of their own. */
  private static final AtomicInteger ENGINES = new AtomicInteger();

  private CgroupBackends() {}

  /**
   * @param preference "auto", "v2" or "v1"
   */
  public static CgroupBackend open(String preference) {
    CgroupTopology topology =
        CgroupTopology.parse(
            KernelFiles.read(Path.of("/proc/self/mountinfo")),
            KernelFiles.read(Path.of("/proc/self/cgroup")));
    // judgefleet-PID for a process's first engine, judgefleet-PID-N for its next ones.
    int engine = ENGINES.getAndIncrement();
    String name = "judgefleet-" + ProcessHandle.current().pid() + (engine == 0 ? "" : "-" + engine);
    boolean v2Usable = topology.unified().map(CgroupBackends::offersControllers).orElse(false);
    boolean wantV2 = preference.equals("v2") || (preference.equals("auto") && v2Usable);
    if (wantV2) {
      Path own =
          topology
              .unified()
              .orElseThrow(() -> new IllegalStateException("cgroup v2 is not mounted"));
      if (!v2Usable) {
        throw new IllegalStateException(
            "cgroup v2 at "
                + own
                + " offers no memory and pids controllers: "
                + KernelFiles.read(own.resolve("cgroup.controllers")).strip());
      }
      removeStale(own);
      return CgroupV2.create(own, name);
    }
    if (!preference.equals("auto") && !preference.equals("v1")) {
      throw new IllegalArgumentException("cgroup version must be auto, v1 or v2: " + preference);
    }
    if (!topology.hasLegacy()) {
      throw new IllegalStateException(
          "no usable cgroups: v2 "
              + topology.unified().map(Path::toString).orElse("not mounted")
              + " lacks memory/pids, and the v1 hierarchies found are "
              + topology.legacy().keySet()
              + " (memory, pids and cpuacct are needed)");
    }
    Path memory = topology.legacy().get("memory");
    Path pids = topology.legacy().get("pids");
    Path cpuacct = topology.legacy().get("cpuacct");
    for (Path own : List.of(memory, pids, cpuacct)) {
      removeStale(own);
    }
    return CgroupV1.create(memory, pids, cpuacct, name);
  }

  private static boolean offersControllers(Path own) {
    Path controllers = own.resolve("cgroup.controllers");
    if (!Files.exists(controllers)) {
      return false;
    }
    List<String> available = List.of(KernelFiles.read(controllers).strip().split("\\s+"));
    return available.contains("memory") && available.contains("pids");
  }

  /** Removes {@code judgefleet-PID[-N]} directories of workers that no longer run. */
  static void removeStale(Path own) {
    List<Path> stale = new ArrayList<>();
    try (Stream<Path> children = Files.list(own)) {
      children.forEach(
          child -> {
            Matcher m = OURS.matcher(child.getFileName().toString());
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
              stale.add(child);
            }
          });
    } catch (IOException e) {
      return;
    }
    stale.forEach(CgroupBackend::removeTree);
  }
}
