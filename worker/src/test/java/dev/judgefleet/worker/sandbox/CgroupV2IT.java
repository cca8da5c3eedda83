package dev.judgefleet.worker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cgroup v2 backend on a real v2 kernel. This host is hybrid (v1 holds the controllers), so
 * these tests skip here and run in a VM: {@code deploy/vm/run-v2-tests.sh}. Kept small: a JVM runs
 * about a hundred times slower in that VM.
 */
class CgroupV2IT {
  private static final RunLimits LIMITS =
      RunLimits.forCpu(Duration.ofSeconds(2))
          .withWallTime(Duration.ofSeconds(30))
          .withMemoryBytes(32 << 20)
          .withProcesses(16);
  private static SandboxEngine engine;

  @BeforeAll
  static void start() {
    assumeTrue(new UnixSystem().getUid() == 0, "needs root");
    try {
      engine =
          SandboxEngine.start(
              new EngineSettings(
                  IntegrationEngine.stateDir(),
                  Leftovers.FIRST_UID,
                  Leftovers.FIRST_UID,
                  "v2",
                  Optional.empty(),
                  IntegrationEngine.POOL_SIZE));
    } catch (IllegalStateException e) {
      assumeTrue(false, "no usable cgroup v2 here: " + e.getMessage());
    }
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      Path base = engine.cgroupBase();
      engine.close();
      assertFalse(Files.exists(base), "run cgroups and the base are removed: " + base);
    }
  }

  @AfterEach
  void nothingLeftBehind() throws IOException, InterruptedException {
    Leftovers.assertNone(engine);
  }

  private static RunResult sh(String script) {
    return sh(script, LIMITS);
  }

  private static RunResult sh(String script, RunLimits limits) {
    try (Sandbox box = engine.open(SandboxSpec.forSlot(0))) {
      return box.run(RunSpec.of(List.of("/bin/sh", "-c", script), limits));
    }
  }

  @Test
  void theBackendIsV2WithTheControllersDelegated() throws IOException {
    assertEquals("v2", engine.cgroupVersion());
    String controllers = Files.readString(engine.cgroupBase().resolve("cgroup.subtree_control"));
    assertTrue(controllers.contains("memory") && controllers.contains("pids"), controllers);
  }

  @Test
  void cpuTimeComesFromCpuStatAndTheLimitHolds() {
    RunResult r = sh("while :; do :; done");
    assertEquals(RunStatus.TLE, r.status(), r.summary());
    assertEquals(RunCause.CPU_TIME, r.cause());
    assertTrue(r.cpu().compareTo(LIMITS.cpuTime()) >= 0, r.summary());
  }

  @Test
  void memoryMaxAndTheOomKillerMakeMle() {
    // tail keeps an ever longer "line" of zeros in memory. Slowly, in an emulated guest on a busy
    // host: the time limit must not be what ends it.
    RunResult r =
        sh(
            "tail /dev/zero",
            LIMITS.withCpuTime(Duration.ofSeconds(60)).withWallTime(Duration.ofSeconds(120)));
    assertEquals(RunStatus.MLE, r.status(), r.summary());
    assertTrue(r.oomKilled());
    assertTrue(r.memoryPeakBytes() >= LIMITS.memoryBytes(), r.summary());
  }

  @Test
  void pidsMaxStopsAForkBomb() {
    RunResult r = sh("f() { f | f & }; f; sleep 5");
    assertTrue(r.pidsPeak() <= LIMITS.processes(), r.summary() + " peak " + r.pidsPeak());
  }

  @Test
  void anOrdinaryRunIsOkAndCounted() {
    RunResult r = sh("echo hello");
    assertEquals(RunStatus.OK, r.status(), r.summary());
    assertEquals("hello\n", r.stdout().headText());
    assertTrue(r.memoryPeakBytes() > 0);
  }

  /**
   * A container's cgroup as a pod gives it: the worker's own processes live in it, so controllers
   * cannot be enabled for its children until they move into a leaf (no internal processes).
   */
  @Test
  void aContainersCgroupWithProcessesOfItsOwnGetsAWorkerLeaf() throws Exception {
    Path container =
        engine.cgroupBase().resolveSibling("container-" + ProcessHandle.current().pid());
    Files.createDirectory(container);
    Process resident = new ProcessBuilder("sleep", "120").start();
    try {
      Files.writeString(container.resolve("cgroup.procs"), Long.toString(resident.pid()));
      CgroupV2 backend = CgroupV2.create(container, "engine");
      String moved = Files.readString(container.resolve("worker").resolve("cgroup.procs"));
      assertTrue(moved.contains(Long.toString(resident.pid())), "moved into the leaf: " + moved);
      assertEquals("", Files.readString(container.resolve("cgroup.procs")).strip());
      String enabled = Files.readString(container.resolve("cgroup.subtree_control"));
      assertTrue(enabled.contains("memory") && enabled.contains("pids"), enabled);
      RunCgroup run = backend.create("run-0");
      run.limit(32 << 20, 16);
      Path dir = backend.base().resolve("run-0");
      assertEquals("33554432", Files.readString(dir.resolve("memory.max")).strip());
      assertEquals("16", Files.readString(dir.resolve("pids.max")).strip());
      Files.delete(dir);
      backend.removeBase();
    } finally {
      resident.destroyForcibly().waitFor();
      Files.deleteIfExists(container.resolve("worker"));
      Files.deleteIfExists(container);
    }
  }
}
