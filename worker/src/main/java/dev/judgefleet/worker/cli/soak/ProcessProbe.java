package dev.judgefleet.worker.cli.soak;

import dev.judgefleet.worker.sandbox.CgroupTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads a running process's resources from /proc and its cgroup hierarchies. */
public final class ProcessProbe {
  private final long pid;
  private final Path proc;
  private final Path stateDir;

  /**
   * @param pid the worker's process
   * @param stateDir its sandbox state directory, whose mounts are counted apart (null: none)
   */
  public ProcessProbe(long pid, Path stateDir) {
    this.pid = pid;
    this.proc = Path.of("/proc", Long.toString(pid));
    this.stateDir = stateDir;
  }

  public long pid() {
    return pid;
  }

  /**
   * One sample.
   *
   * @throws IOException when the process is gone
   */
  public ProcessSample sample(long submissions, double seconds) throws IOException {
    List<String> mountinfo = Files.readAllLines(proc.resolve("mountinfo"));
    long stateMounts =
        stateDir == null
            ? 0
            : mountinfo.stream()
                .map(line -> line.split(" ")[4])
                .filter(point -> point.startsWith(stateDir.toString()))
                .count();
    return new ProcessSample(
        submissions,
        seconds,
        count(proc.resolve("fd")),
        mountinfo.size(),
        stateMounts,
        cgroups(String.join("\n", mountinfo)),
        count(proc.resolve("task")),
        ProcessHandle.of(pid).map(p -> p.descendants().count()).orElse(0L),
        rss());
  }

  private static long count(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.count();
    }
  }

  private long rss() throws IOException {
    for (String line : Files.readAllLines(proc.resolve("status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return 0;
  }

  /** The engines' cgroup directories, under the process's own cgroup in each hierarchy. */
  private long cgroups(String mountinfo) throws IOException {
    CgroupTopology topology =
        CgroupTopology.parse(mountinfo, Files.readString(proc.resolve("cgroup")));
    Set<Path> own = new LinkedHashSet<>();
    topology.unified().ifPresent(own::add);
    own.addAll(topology.legacy().values());
    long count = 0;
    for (Path dir : own) {
      for (Path base : engineBases(dir)) {
        count += directoriesUnder(base);
      }
    }
    return count;
  }

  /** {@code judgefleet-PID} and {@code judgefleet-PID-N} under a cgroup directory. */
  List<Path> engineBases(Path dir) throws IOException {
    List<Path> bases = new ArrayList<>();
    String name = "judgefleet-" + pid;
    try (Stream<Path> entries = Files.list(dir)) {
      entries
          .filter(
              p ->
                  p.getFileName().toString().equals(name)
                      || p.getFileName().toString().startsWith(name + "-"))
          .filter(Files::isDirectory)
          .forEach(bases::add);
    } catch (NoSuchFileException gone) {
      return List.of();
    }
    return bases;
  }

  private static long directoriesUnder(Path base) throws IOException {
    try (Stream<Path> tree = Files.walk(base)) {
      return tree.filter(Files::isDirectory).count();
    } catch (UncheckedIOException removedWhileWalking) {
      // A run's cgroup removed under the walk: count again, it settles.
      try (Stream<Path> tree = Files.walk(base)) {
        return tree.filter(Files::isDirectory).count();
      } catch (UncheckedIOException again) {
        return -1;
      }
    }
  }
}
