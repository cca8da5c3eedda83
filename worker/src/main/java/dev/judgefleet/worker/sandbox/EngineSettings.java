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
 */
public record EngineSettings(
    Path stateDir,
    int firstUid,
    int firstGid,
    String cgroupVersion,
    Optional<Path> initBinary,
    int cgroupPoolSize) {

  public EngineSettings {
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(initBinary, "initBinary");
    if (firstUid <= 0 || firstGid <= 0) {
      throw new IllegalArgumentException("sandbox uid and gid must not be root");
    }
  }

  public static EngineSettings defaults() {
    return new EngineSettings(
        Path.of("/var/lib/judgefleet"), 60000, 60000, "auto", Optional.empty(), 4);
  }

  public EngineSettings withStateDir(Path dir) {
    return new EngineSettings(dir, firstUid, firstGid, cgroupVersion, initBinary, cgroupPoolSize);
  }

  public EngineSettings withCgroupVersion(String version) {
    return new EngineSettings(stateDir, firstUid, firstGid, version, initBinary, cgroupPoolSize);
  }
}
