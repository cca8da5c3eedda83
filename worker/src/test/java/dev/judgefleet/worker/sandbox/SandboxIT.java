package dev.judgefleet.worker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.worker.sandbox.linux.UnsafeFileException;
import dev.judgefleet.worker.sandbox.plan.StepPhase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's own guarantees, each on the real kernel. */
class SandboxIT {
  private static final RunLimits LIMITS = RunLimits.forCpu(Duration.ofSeconds(2));
  private static SandboxEngine engine;

  @TempDir Path temp;

  @BeforeAll
  static void start() {
    engine = IntegrationEngine.start();
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  @AfterEach
  void nothingLeftBehind() throws IOException, InterruptedException {
    Leftovers.assertNone(engine);
  }

  private static RunResult sh(Sandbox box, String script, boolean workWritable) {
    return box.run(
        RunSpec.of(List.of("/bin/sh", "-c", script), LIMITS).withWorkWritable(workWritable));
  }

  @Test
  void theHostRefusesASymlinkOrAFifoPlantedInTheWorkDir() {
    try (Sandbox box = engine.open(IntegrationEngine.spec(1))) {
      RunResult plant =
          sh(
              box,
              "ln -s /etc/shadow /box/answer && ln -s ../../proc/1/root/etc/passwd /box/up"
                  + " && mkfifo /box/fifo && echo ok > /box/plain && head -c 5000 /dev/zero > /box/big",
              true);
      assertEquals(RunStatus.OK, plant.status(), plant.stderr().headText());
      for (String refused : List.of("answer", "up", "fifo", "../../etc/hostname", "big")) {
        WorkFileException e =
            assertThrows(WorkFileException.class, () -> box.readWorkFile(refused, 4096));
        assertInstanceOf(UnsafeFileException.class, e.getCause(), refused + ": " + e.getMessage());
      }
      assertEquals("ok\n", new String(box.readWorkFile("plain", 100), StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyRunStartsWithAnEmptyTmpWhileTheWorkDirCarriesTheCompile() {
    try (Sandbox box = engine.open(IntegrationEngine.spec(1))) {
      assertEquals(
          RunStatus.OK,
          sh(box, "echo left > /tmp/x && echo left > /dev/shm/y && echo built > /box/out", true)
              .status());
      RunResult next = sh(box, "ls -A /tmp /dev/shm; cat /box/out; echo more > /box/out", false);
      assertEquals("/dev/shm:\n\n/tmp:\nbuilt\n", next.stdout().headText());
      assertTrue(
          next.stderr().headText().contains("Read-only file system"), next.stderr().headText());
    }
  }

  @Test
  void aFailedExecOfAToolIsTheJudgesErrorNamingTheCall() {
    try (Sandbox box = engine.open(IntegrationEngine.spec(1))) {
      RunResult r = box.run(RunSpec.of(List.of("/usr/bin/does-not-exist"), LIMITS));
      assertEquals(RunStatus.IE, r.status());
      assertEquals(RunCause.SETUP, r.cause());
      assertNotNull(r.setupError());
      assertEquals(StepPhase.CHILD, r.setupError().phase());
      assertEquals("ENOENT", r.setupError().errnoName());
      assertTrue(
          r.setupError().message().contains("execve(\"/usr/bin/does-not-exist\""),
          r.setupError().message());
      // The sandbox is still good for the next run.
      assertEquals(RunStatus.OK, sh(box, "true", false).status());
    }
  }

  @Test
  void aFailedExecOfTheProgramsOwnFileIsARuntimeError() {
    try (Sandbox box = engine.open(SandboxSpec.forSlot(1))) {
      assertEquals(
          RunStatus.OK, sh(box, "printf 'garbage' > /box/main; chmod +x /box/main", true).status());
      RunResult r = box.run(RunSpec.of(List.of("/box/main"), LIMITS));
      assertEquals(RunStatus.RE, r.status(), r.summary());
      assertEquals(RunCause.EXEC, r.cause());
      assertEquals("ENOEXEC", r.setupError().errnoName());
      assertTrue(r.causeDetail().startsWith("cannot execute: "), r.causeDetail());
    }
  }

  @Test
  void ipcObjectsOfOneRunAreGoneInTheNext() throws IOException {
    try (Sandbox box = engine.open(SandboxSpec.forSlot(1))) {
      box.writeWorkFile(
          "ipc.c", Files.readAllBytes(Path.of("src/test/resources/sandbox/ipc_leftovers.c")));
      RunResult compile = sh(box, "gcc -O1 -o ipc ipc.c", true);
      assertEquals(RunStatus.OK, compile.status(), compile.stderr().headText());
      RunLimits limits = LIMITS.withMemoryBytes(64 << 20);
      // Seven tests each pinning 24 MiB under a 64 MiB limit: only a per-run namespace keeps
      // every one of them within it, and the next one clean.
      for (int test = 1; test <= 7; test++) {
        RunResult leave = box.run(RunSpec.of(List.of("/box/ipc", "leave"), limits));
        assertEquals(
            RunStatus.OK,
            leave.status(),
            test + ": " + leave.summary() + leave.stderr().headText());
        assertEquals("left\n", leave.stdout().headText());
        RunResult look = box.run(RunSpec.of(List.of("/box/ipc", "look"), limits));
        assertEquals("clean\n", look.stdout().headText(), "test " + test);
      }
    }
  }

  @Test
  void aFailedSetupStepNamesTheStepItsArgumentsAndTheErrno() {
    SandboxSpec bad =
        new SandboxSpec(
            1, Optional.empty(), SandboxSpec.hostBinds(), 1 << 20, 1 << 20, "h".repeat(100));
    SandboxException e = assertThrows(SandboxException.class, () -> engine.open(bad));
    assertEquals("EINVAL", e.error().errnoName());
    assertTrue(e.getMessage().startsWith("setup step "), e.getMessage());
    assertTrue(e.getMessage().contains("sethostname(\"hhhh"), e.getMessage());
  }

  @Test
  void cpuTimeIsCountedFromTheExecAndSetupIsNotCharged() {
    try (Sandbox box = engine.open(IntegrationEngine.spec(1))) {
      RunResult r = box.run(RunSpec.of(List.of("/bin/true"), LIMITS));
      assertEquals(RunStatus.OK, r.status());
      assertTrue(r.cpu().compareTo(Duration.ofMillis(20)) < 0, r.summary());
      assertFalse(r.setupTime().isZero());
    }
  }

  @Test
  void aTimeLimitSaysWhichLimitWasHit() {
    try (Sandbox box = engine.open(IntegrationEngine.spec(1))) {
      RunLimits tight =
          RunLimits.forCpu(Duration.ofMillis(300)).withWallTime(Duration.ofMillis(600));
      // Room on the wall for a busy host, where the spinner gets a fraction of a core.
      RunResult spin =
          box.run(
              RunSpec.of(
                  List.of("/bin/sh", "-c", "while :; do :; done"),
                  tight.withWallTime(Duration.ofSeconds(15))));
      assertEquals(RunStatus.TLE, spin.status());
      assertEquals(RunCause.CPU_TIME, spin.cause());
      assertTrue(spin.cpu().compareTo(tight.cpuTime()) >= 0, spin.summary());
      RunResult sleep = box.run(RunSpec.of(List.of("/bin/sleep", "30"), tight));
      assertEquals(RunStatus.TLE, sleep.status());
      assertEquals(RunCause.WALL_TIME, sleep.cause());
      assertTrue(sleep.cpu().compareTo(Duration.ofMillis(100)) < 0, sleep.summary());
    }
  }

  @Test
  void standardStreamsAreCapturedAndInputIsPassed() throws IOException {
    Path input = Files.writeString(temp.resolve("in"), "3 4\n");
    try (Sandbox box = engine.open(IntegrationEngine.spec(1))) {
      RunResult r =
          box.run(
              RunSpec.of(List.of("/bin/sh", "-c", "read a b; echo $((a+b)); echo oops >&2"), LIMITS)
                  .withStdin(input));
      assertEquals(RunStatus.OK, r.status());
      assertEquals("7\n", r.stdout().headText());
      assertEquals("oops\n", r.stderr().headText());
      assertEquals(2, r.stdout().bytes());
    }
  }

  @Test
  void outputPastTheLimitIsCutAndFlagged() {
    try (Sandbox box = engine.open(IntegrationEngine.spec(1))) {
      RunLimits small = LIMITS.withOutputBytes(100_000);
      RunResult r = box.run(RunSpec.of(List.of("/usr/bin/yes"), small));
      assertEquals(RunStatus.OLE, r.status());
      // One byte past the limit proves it was exceeded; the capture stops there.
      assertEquals(100_001, r.stdout().bytes());
      assertTrue(r.stdout().truncated());
      assertEquals(Sandbox.CAPTURE_BYTES, r.stdout().head().length);
    }
  }

  @Test
  void twoSandboxesAreIsolatedFromEachOther() {
    try (Sandbox a = engine.open(IntegrationEngine.spec(1));
        Sandbox b = engine.open(IntegrationEngine.spec(2))) {
      assertEquals(RunStatus.OK, sh(a, "echo secret > /box/s", true).status());
      RunResult look = sh(b, "cat /box/s; ls /box | wc -l", true);
      assertEquals("0\n", look.stdout().headText());
    }
  }

  @Test
  void closingASandboxEndsItsInitAndRemovesItsHostFiles() throws IOException {
    Sandbox box = engine.open(IntegrationEngine.spec(1));
    Path work = box.workDir();
    assertTrue(Files.isDirectory(work));
    box.close();
    assertFalse(Files.exists(work));
    try (var dirs = Files.list(IntegrationEngine.stateDir())) {
      assertTrue(dirs.noneMatch(p -> p.getFileName().toString().startsWith("sandbox-")));
    }
  }

  @Test
  void aPinnedSlotRunsOnItsCpuAndCannotLeaveIt() {
    List<Integer> allowed = CpuPinning.allowedHere();
    int cpu = allowed.get(allowed.size() - 1);
    try (SandboxEngine pinned =
            SandboxEngine.start(IntegrationEngine.settings().withPinning("auto", allowed.size()));
        Sandbox box = pinned.open(SandboxSpec.forSlot(allowed.size() - 1))) {
      RunResult r =
          sh(
              box,
              "grep Cpus_allowed_list /proc/self/status; taskset -p -c 0 $$ 2>&1 || echo refused",
              false);
      assertEquals(RunStatus.OK, r.status(), r.summary());
      String out = r.stdout().headText();
      assertTrue(out.startsWith("Cpus_allowed_list:\t" + cpu + "\n"), out);
      assertTrue(out.contains("refused") || out.contains("Operation not permitted"), out);
    }
  }

  /**
   * A process spawned anywhere in the worker holds a copy of every descriptor the worker has open
   * until it execs, the work file another slot is writing among them: that copy is a writer on the
   * work directory's mount, and the read-only remount before a test would fail with EBUSY (a soak
   * of 10 000 submissions met it 6 times, as IE). Here one thread spawns without pause while the
   * other puts a file into the box and runs read-only, again and again.
   */
  @Test
  void spawnsElsewhereInTheWorkerNeverBreakTheReadOnlyWorkDir() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger spawns = new AtomicInteger();
    Thread spawner =
        new Thread(
            () -> {
              while (!done.get()) {
                SpawnBaseline.spawnAndWait("/bin/true");
                spawns.incrementAndGet();
              }
            });
    spawner.start();
    try (Sandbox box = engine.open(IntegrationEngine.spec(1))) {
      byte[] content = new byte[256 * 1024];
      for (int i = 0; i < 400; i++) {
        // As a compile and its tests: a writable run, a file put in, then a read-only run.
        RunResult writable =
            box.run(RunSpec.of(List.of("/bin/true"), LIMITS).withWorkWritable(true));
        assertEquals(RunStatus.OK, writable.status(), "run " + i + ": " + writable.setupError());
        box.removeWorkFile("input");
        box.writeWorkFile("input", content);
        RunResult run = box.run(RunSpec.of(List.of("/bin/true"), LIMITS));
        assertEquals(RunStatus.OK, run.status(), "run " + i + ": " + run.setupError());
      }
    } finally {
      done.set(true);
      spawner.join();
    }
    assertTrue(spawns.get() > 100, "spawns beside the runs: " + spawns.get());
  }
}
