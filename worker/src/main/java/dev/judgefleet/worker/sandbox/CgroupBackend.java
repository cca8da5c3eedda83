package dev.judgefleet.worker.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A cgroup hierarchy the engine creates run cgroups in: {@link CgroupV2} or {@link CgroupV1}. */
public interface CgroupBackend {

  /** "v2" or "v1". */
  String version();

  /** The worker's own directory of run cgroups (the first hierarchy's, for v1). */
  Path base();

  /** Creates a fresh run cgroup (its counters start at zero). */
  RunCgroup create(String name);

  /** Removes every run cgroup and the base; called at shutdown. */
  void removeBase();

  /** rmdir(2); false on EBUSY (tasks still leaving). A cgroup directory is removed with rmdir. */
  static boolean rmdir(Path dir) {
    try {
      Files.deleteIfExists(dir);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes a cgroup subtree, deepest first. Leftover tasks are killed by their PID namespace. */
  static void removeTree(Path top) {
    if (!Files.isDirectory(top)) {
      return;
    }
    List<Path> dirs;
    try (Stream<Path> walk = Files.walk(top)) {
      dirs = walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
    } catch (IOException e) {
      return;
    }
    for (Path dir : dirs) {
      for (int attempt = 0; attempt < 50 && !rmdir(dir); attempt++) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
