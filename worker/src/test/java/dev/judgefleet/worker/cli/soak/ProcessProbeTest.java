package dev.judgefleet.worker.cli.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe on this very JVM: its fds, threads and memory, and a child process it starts. */
class ProcessProbeTest {
  @TempDir Path tmp;

  @Test
  void samplesThisProcess() throws Exception {
    long pid = ProcessHandle.current().pid();
    ProcessProbe probe = new ProcessProbe(pid, tmp);
    ProcessSample before = probe.sample(0, 0);
    assertTrue(
        before.fds() > 2 && before.threads() > 1 && before.rssBytes() > 1 << 20, before.toString());
    assertTrue(before.mounts() > 0, before.toString());
    assertEquals(0, before.stateMounts(), "nothing is mounted under a fresh temp dir");
    Process sleeper = new ProcessBuilder("sleep", "30").start();
    try {
      ProcessSample during = probe.sample(1, 1);
      assertEquals(before.processes() + 1, during.processes(), during.toString());
      assertTrue(during.fds() >= before.fds() + 3, "the child's pipes are open: " + during);
    } finally {
      sleeper.destroyForcibly().waitFor();
    }
  }

  @Test
  void theEnginesCgroupsAreThoseNamedAfterTheProcess() throws IOException {
    ProcessProbe probe = new ProcessProbe(4242, null);
    Files.createDirectories(tmp.resolve("judgefleet-4242/slot-0"));
    Files.createDirectories(tmp.resolve("judgefleet-4242-1"));
    Files.createDirectories(tmp.resolve("judgefleet-42420"));
    Files.createDirectories(tmp.resolve("other"));
    assertEquals(
        List.of("judgefleet-4242", "judgefleet-4242-1"),
        probe.engineBases(tmp).stream().map(p -> p.getFileName().toString()).sorted().toList());
  }
}
