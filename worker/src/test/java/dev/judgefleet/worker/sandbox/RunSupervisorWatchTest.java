package dev.judgefleet.worker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The supervision loop's decision for a started run: which limit kills it, or how long to wait. */
class RunSupervisorWatchTest {
  private static final long MS = 1_000_000;

  @ParameterizedTest(name = "cpu {1}/{0} ms, wall left {2} ms, {3} CPUs -> {4} after {5} ms")
  @CsvSource({
    // cpu limit, cpu used, wall left, cpus, kill, sleep (ms)
    "1000, 1000,  500, 2, CPU_TIME,  0",
    "1000, 1200,  500, 2, CPU_TIME,  0",
    "1000, 1200,    0, 2, CPU_TIME,  0", // both reached: CPU time is the verdict's cause
    "1000,  999,    0, 2, WALL_TIME, 0",
    "1000,  999,  -30, 1, WALL_TIME, 0",
    "1000,    0, 5000, 1, NONE,     20", // far from both: the longest poll
    "1000,  990, 5000, 1, NONE,     10", // 10 ms of CPU left on 1 CPU
    "1000,  990, 5000, 2, NONE,      5", // two CPUs can spend it in 5 ms
    "1000,  998, 5000, 4, NONE,      1", // never under 1 ms
    "1000,    0,    3, 2, NONE,      3", // the wall limit is nearer
  })
  void killsAtTheLimitAndWakesBeforeItCanBeReached(
      long cpuLimit, long cpu, long wallLeft, int cpus, KillReason kill, int sleepMs) {
    RunSupervisor.Watch w = RunSupervisor.Watch.of(cpuLimit * MS, cpu * MS, wallLeft * MS, cpus);
    assertEquals(kill, w.kill());
    assertEquals(sleepMs, w.sleepMs());
  }
}
