package dev.judgefleet.worker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A worker killed with SIGKILL in the middle of a run leaves nothing behind: its sandboxes' inits
 * see the control socket close and take their namespaces down, and the next engine on the node
 * removes the dead worker's cgroups.
 */
class WorkerDeathIT {

  /** The worker that gets killed: opens a sandbox, starts a daemon and a sleeper, says so. */
  public static void main(String[] args) {
    SandboxEngine engine =
        SandboxEngine.start(EngineSettings.defaults().withStateDir(Path.of(args[0])));
    Sandbox box = engine.open(SandboxSpec.forSlot(7));
    System.out.println("cgroup-base " + engine.cgroupBase());
    System.out.println("running");
    System.out.flush();
    box.run(
        RunSpec.of(
            List.of("/bin/sh", "-c", "(setsid sh -c 'while :; do sleep 1; done' &) ; sleep 1000"),
            RunLimits.forCpu(Duration.ofSeconds(100))));
  }

  @Test
  void aKilledWorkerLeavesNoProcessAndItsCgroupsGoAtTheNextStart() throws Exception {
    assumeTrue(new UnixSystem().getUid() == 0, "needs root");
    Path state = IntegrationEngine.stateDir().resolveSibling("it-state-death");
    Process worker =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WorkerDeathIT.class.getName(),
                state.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    Path cgroupBase = null;
    List<Leftovers.UidBlock> uids;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("running")) {
        if (line.startsWith("cgroup-base ")) {
          cgroupBase = Path.of(line.substring("cgroup-base ".length()));
        }
      }
      assertEquals("running", line);
      uids = Leftovers.uidBlocksIn(state, worker.pid());
      assertEquals(1, uids.size(), "the worker's uid file: " + uids);
      Thread.sleep(500);
      assertFalse(Leftovers.processesOfNow(uids).isEmpty(), "the run is under way");
      worker.destroyForcibly();
      assertTrue(worker.waitFor(10, TimeUnit.SECONDS));
    }
    assertEquals(List.of(), Leftovers.processesOf(uids), "processes outlived their worker");
    assertTrue(Files.isDirectory(cgroupBase), "a dead worker cannot clean up its cgroups");
    try (SandboxEngine next = IntegrationEngine.start()) {
      assertFalse(Files.exists(cgroupBase), "the next engine removes a dead worker's cgroups");
    }
    try (Stream<Path> files = Files.walk(state)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
