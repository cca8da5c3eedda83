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
 * What a sandbox must not leave behind: processes running as one of its engine's uids, mounts in
 * the host's namespace under its state directory, cgroups under its base. Checked by the
 * integration tests after every test, and only for the engines the test started: another engine (a
 * running {@code judge up}, a second test suite) may be judging on the same host.
 */
public final class Leftovers {
  /** Where the integration tests start looking for a free block of uids. */
  public static final int FIRST_UID = 60000;

  private Leftovers() {}

  /** A block of uids an engine runs programs as. */
  public record UidBlock(int first, int count) {
    boolean contains(int uid) {
      return uid >= first && uid < first + count;
    }

    static UidBlock of(SandboxEngine engine) {
      return new UidBlock(engine.uids().firstUid(), UidLease.SIZE);
    }
  }

  /**
   * The uid blocks of the engines of process {@code pid} running now with {@code stateDir} (their
   * {@code uids-PID-UID} files): how a test finds the uids of a worker it started in another
   * process.
   */
  public static List<UidBlock> uidBlocksIn(Path stateDir, long pid) throws IOException {
    List<UidBlock> blocks = new ArrayList<>();
    String prefix = "uids-" + pid + "-";
    try (Stream<Path> files = Files.list(stateDir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
        String[] fields = Files.readString(file).strip().split(" ");
        blocks.add(new UidBlock(Integer.parseInt(fields[0]), Integer.parseInt(fields[2])));
      }
    }
    return blocks;
  }

  /** Host processes running as one of these uids; waits briefly for dying ones. */
  public static List<String> processesOf(List<UidBlock> blocks)
      throws IOException, InterruptedException {
    List<String> found = List.of();
    for (int attempt = 0; attempt < 50; attempt++) {
      found = processesOfNow(blocks);
      if (found.isEmpty()) {
        return found;
      }
      Thread.sleep(20);
    }
    return found;
  }

  /** Host processes running as one of these uids right now. */
  public static List<String> processesOfNow(List<UidBlock> blocks) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("Uid:")) {
              int uid = Integer.parseInt(line.split("\\s+")[1]);
              if (blocks.stream().anyMatch(b -> b.contains(uid))) {
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

  /**
   * No process of these uids and no host mount under {@code stateDir}: for another JVM's engine.
   */
  public static void assertNoProcessesOrMounts(List<UidBlock> uids, Path stateDir)
      throws IOException, InterruptedException {
    assertEquals(List.of(), processesOf(uids), "processes left by a sandbox");
    assertEquals(List.of(), mountsUnder(stateDir), "host mounts left by a sandbox");
  }

  /** Nothing left by this engine: processes, host mounts, cgroups beyond its pool. */
  public static void assertNone(SandboxEngine engine) throws IOException, InterruptedException {
    assertNoProcessesOrMounts(List.of(UidBlock.of(engine)), engine.settings().stateDir());
    assertTrue(
        runCgroups(engine.cgroupBase()) <= IntegrationEngine.POOL_SIZE,
        "run cgroups beyond the pool under " + engine.cgroupBase());
  }
}
