package dev.judgefleet.worker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a sandbox must not leave behind: processes running as a sandbox uid, mounts in the host's
 * namespace, cgroups. Checked by the integration tests after every test.
 */
public final class Leftovers {
  public static final int FIRST_UID = 60000;
  static final int UID_RANGE = 64;

  private Leftovers() {}

  /** Host processes whose real uid is a sandbox uid; waits briefly for dying ones. */
  static List<String> sandboxProcesses() throws IOException, InterruptedException {
    List<String> found = List.of();
    for (int attempt = 0; attempt < 50; attempt++) {
      found = scan();
      if (found.isEmpty()) {
        return found;
      }
      Thread.sleep(20);
    }
    return found;
  }

  /** Host processes running as a sandbox uid right now. */
  static List<String> sandboxProcessesNow() throws IOException {
    return scan();
  }

  private static List<String> scan() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("Uid:")) {
              int uid = Integer.parseInt(line.split("\\s+")[1]);
              if (uid >= FIRST_UID && uid < FIRST_UID + UID_RANGE) {
                found.add(proc.getFileName() + " uid " + uid);
              }
            }
          }
        } catch (IOException gone) {
          // The process exited while we looked.
        }
      }
    }
    return found;
  }

  /** Mount points in the host's mount namespace under {@code dir}. */
  static List<String> mountsUnder(Path dir) throws IOException {
    List<String> found = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      String mountPoint = line.split(" ")[4];
      if (mountPoint.startsWith(dir.toString())) {
        found.add(mountPoint);
      }
    }
    return found;
  }

  /** Run cgroups still present under the engine's base, after the pool had time to settle. */
  static long runCgroups(Path base) throws IOException, InterruptedException {
    long count = 0;
    for (int attempt = 0; attempt < 100; attempt++) {
      try (Stream<Path> dirs = Files.list(base)) {
        count = dirs.filter(Files::isDirectory).count();
      }
      if (count <= IntegrationEngine.POOL_SIZE) {
        return count;
      }
      Thread.sleep(20);
    }
    return count;
  }

  /** No sandbox process and no host mount under {@code stateDir}: for tests of another JVM. */
  public static void assertNoProcessesOrMounts(Path stateDir)
      throws IOException, InterruptedException {
    assertEquals(List.of(), sandboxProcesses(), "processes left by a sandbox");
    assertEquals(List.of(), mountsUnder(stateDir), "host mounts left by a sandbox");
  }

  public static void assertNone(Path stateDir, Path cgroupBase)
      throws IOException, InterruptedException {
    assertEquals(List.of(), sandboxProcesses(), "processes left by a sandbox");
    assertEquals(List.of(), mountsUnder(stateDir), "host mounts left by a sandbox");
    assertTrue(
        runCgroups(cgroupBase) <= IntegrationEngine.POOL_SIZE,
        "run cgroups beyond the pool under " + cgroupBase);
  }
}
