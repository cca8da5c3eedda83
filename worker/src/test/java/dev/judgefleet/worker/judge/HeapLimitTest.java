package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.sandbox.HeapLimit;
import dev.judgefleet.worker.sandbox.RunLimits;
import dev.judgefleet.worker.sandbox.RunSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A managed runtime's run carries its heap limit and how the runtime reports reaching it, so the
 * classifier can tell its MLE from an RE (the rule itself: StatusClassifierTest).
 */
class HeapLimitTest {
  private static final LanguageCatalog CATALOG = LanguageCatalog.builtIn();
  private static final RunLimits PROBLEM =
      RunLimits.forCpu(Duration.ofSeconds(1)).withMemoryBytes(256 * RunLimits.MIB);

  private static RunSpec run(String language) {
    Language l = CATALOG.find(language).orElseThrow();
    return new CompiledProgram(l, "Main", "Main.java", null, "").runSpec(PROBLEM, false);
  }

  @Test
  void theJvmsHeapIsTheProblemsMemoryLimit() {
    RunSpec java = run("java");
    HeapLimit heap = java.heapLimit();
    assertEquals(256 * RunLimits.MIB, heap.bytes());
    assertTrue(java.argv().contains("-Xmx256m"), java.argv().toString());
    assertTrue(heap.reportedIn("Terminating due to java.lang.OutOfMemoryError: Java heap space"));
    // The cgroup holds the heap and the JVM's own memory on top.
    assertEquals((256 + 128) * RunLimits.MIB, java.limits().memoryBytes());
  }

  @Test
  void nodesHeapLimitAndItsReport() {
    HeapLimit heap = run("javascript").heapLimit();
    assertEquals(256 * RunLimits.MIB, heap.bytes());
    assertTrue(
        heap.reportedIn(
            "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"));
  }

  @Test
  void aNativeProgramHasNone() {
    assertNull(run("c").heapLimit());
    assertNull(run("python3").heapLimit());
  }
}
