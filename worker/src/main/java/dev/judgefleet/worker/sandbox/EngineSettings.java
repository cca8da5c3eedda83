package dev.judgefleet.worker.sandbox;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the engine runs on this node.
 *
 * @param stateDir a root-only directory for the sandboxes' host-side files (mount points, output
 *     files) and the extracted init binary. Keep it on a disk-backed file system: a run's output
 *     file is charged to the run's memory cgroup, and on tmpfs those pages could not be reclaimed
 *     (a big correct output would end in an OOM kill).
 * @param firstUid the uid of slot 0; slot N runs as firstUid + N
 * @param firstGid the gid of slot 0
 * @param cgroupVersion "auto", "v2" or "v1"
 * @param initBinary the judge-init binary, or empty to use the one inside the worker's jar
 * @param cgroupPoolSize how many fresh run cgroups to keep ready
 * @param pinCpus "off", or "auto": each slot's sandboxes on a CPU of their own when the slots fit
 *     the CPUs the worker may use ({@link CpuPinning})
 * @param slots how many program slots the engine serves, for the pinning
 */
public record EngineSettings(
    Path stateDir,
    int firstUid,
    int firstGid,
    String cgroupVersion,
    Optional<Path> initBinary,
    int cgroupPoolSize,
    String pinCpus,
    int slots) {

  public EngineSettings {
    Objects.requireNonNull(pinCpus, "pinCpus");
    if (!pinCpus.equals("off") && !pinCpus.equals("auto")) {
      throw new IllegalArgumentException("pin-cpus must be off or auto: " + pinCpus);
    }
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be positive: " + slots);
    }
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(initBinary, "initBinary");
    if (firstUid <= 0 || firstGid <= 0) {
      throw new IllegalArgumentException("sandbox uid and gid must not be root");
    }
  }

  /** Settings without CPU pinning, for one slot. */
  public EngineSettings(
      Path stateDir,
      int firstUid,
      int firstGid,
      String cgroupVersion,
      Optional<Path> initBinary,
      int cgroupPoolSize) {
    this(stateDir, firstUid, firstGid, cgroupVersion, initBinary, cgroupPoolSize, "off", 1);
  }

  public static EngineSettings defaults() {
    return new EngineSettings(
        Path.of("/var/lib/judgefleet"), 60000, 60000, "auto", Optional.empty(), 4);
  }

  public EngineSettings withStateDir(Path dir) {
    return new EngineSettings(
        dir, firstUid, firstGid, cgroupVersion, initBinary, cgroupPoolSize, pinCpus, slots);
  }

  public EngineSettings withCgroupVersion(String version) {
    return new EngineSettings(
        stateDir, firstUid, firstGid, version, initBinary, cgroupPoolSize, pinCpus, slots);
  }

  /** The same, pinning as {@code mode} says for {@code slotCount} slots. */
  public EngineSettings withPinning(String mode, int slotCount) {
    return new EngineSettings(
        stateDir, firstUid, firstGid, cgroupVersion, initBinary, cgroupPoolSize, mode, slotCount);
  }
}
