package dev.judgefleet.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.security.auth.module.UnixSystem;
import dev.judgefleet.worker.cli.chaos.Fleet;
import dev.judgefleet.worker.sandbox.CgroupTopology;
import dev.judgefleet.worker.sandbox.Leftovers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/judge soak} through a real stack ({@code bin/judge up}): a few hundred submissions,
 * the worker's resources sampled, no growth beyond noise; then, the stack stopped, nothing of it is
 * left: no worker, broker or store process, no process of the worker's sandbox uids, no host mount
 * under its data, no cgroup of its engines.
 */
class SoakIT {
  private static final int COUNT = 300;

  @TempDir Path tmp;

  @Test
  void aWorkerDoesNotGrowUnderASoakAndLeavesNothingBehind() throws Exception {
    assumeTrue(new UnixSystem().getUid() == 0, "the sandbox needs root");
    assumeTrue(
        Files.isRegularFile(Path.of("target", "quarkus-app", "quarkus-run.jar")),
        "bin/judge runs the packaged worker, built by `mvn package`");
    long workerPid;
    List<Long> brokerAndStore = new ArrayList<>();
    List<Leftovers.UidBlock> uids;
    Path data;
    try (UpStack stack = UpStack.start(tmp, 1, 1)) {
      data = stack.data;
      workerPid = Fleet.pid(data.resolve("pids/worker-1.pid")).orElseThrow();
      Path json = tmp.resolve("soak.json");
      Path output = tmp.resolve("soak.log");
      int status =
          stack.judge(
              output,
              Duration.ofMinutes(15),
              "soak",
              "--count",
              Integer.toString(COUNT),
              "--every",
              "10",
              "--out",
              json.toString());
      String printed = Files.readString(output);
      assertEquals(0, status, printed);
      assertTrue(printed.contains("no growth beyond noise"), printed);
      JsonNode report = new ObjectMapper().readTree(json.toFile());
      assertEquals(workerPid, report.get("pid").asLong());
      assertTrue(report.get("samples").size() >= COUNT / 10, report.get("samples").toString());
      for (JsonNode trend : report.get("trends")) {
        assertTrue(
            trend.get("growth").asDouble() <= trend.get("allowed").asDouble(), trend.toString());
      }
      JsonNode first = report.get("samples").get(0);
      assertTrue(
          first.get("fds").asLong() > 0 && first.get("threads").asLong() > 0, first.toString());
      assertTrue(first.get("cgroups").asLong() > 0, "the engine's cgroups are counted: " + first);
      assertEquals(COUNT, report.get("load").get("sent").asLong());
      // What to look for once the stack is gone.
      uids = Leftovers.uidBlocksIn(data.resolve("state"), workerPid);
      assertFalse(uids.isEmpty(), "the worker's uid block is recorded under its state directory");
      brokerAndStore.add(Fleet.pid(data.resolve("kafka/broker.pid")).orElseThrow());
      try (Stream<Path> files = Files.list(data.resolve("s3"))) {
        files
            .filter(f -> f.getFileName().toString().endsWith(".pid"))
            .forEach(f -> Fleet.pid(f).ifPresent(brokerAndStore::add));
      }
    }
    assertFalse(Fleet.alive(workerPid), "the worker is gone");
    for (long pid : brokerAndStore) {
      assertFalse(Fleet.alive(pid), "process " + pid + " of the stack is gone");
    }
    assertFalse(Files.exists(data.resolve("pids")), "judge up removed its pid files");
    Leftovers.assertNoProcessesOrMounts(uids, data);
    CgroupTopology own =
        CgroupTopology.parse(
            Files.readString(Path.of("/proc/self/mountinfo")),
            Files.readString(Path.of("/proc/self/cgroup")));
    List<Path> hierarchies = new ArrayList<>(own.legacy().values());
    own.unified().ifPresent(hierarchies::add);
    for (Path hierarchy : hierarchies) {
      try (Stream<Path> entries = Files.list(hierarchy)) {
        List<String> left =
            entries
                .map(p -> p.getFileName().toString())
                .filter(
                    n ->
                        n.equals("judgefleet-" + workerPid)
                            || n.startsWith("judgefleet-" + workerPid + "-"))
                .toList();
        assertEquals(List.of(), left, "cgroups of the worker's engines under " + hierarchy);
      }
    }
  }
}
