package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.sandbox.RunLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A program's run limits: the problem's, adjusted by what its language's recipe sets. */
class CompiledProgramTest {
  private static final LanguageCatalog CATALOG = LanguageCatalog.builtIn();
  private static final RunLimits PROBLEM =
      RunLimits.forCpu(Duration.ofSeconds(1)).withMemoryBytes(256 * RunLimits.MIB);

  private static RunLimits limits(String language, RunLimits problem) {
    Language l = CATALOG.find(language).orElseThrow();
    return new CompiledProgram(l, "main", "main.x", null, "").runSpec(problem, false).limits();
  }

  @Test
  void theStackIsTheMemoryLimitUnlessTheRecipeCapsIt() {
    assertEquals(256 * RunLimits.MIB, limits("c", PROBLEM).effectiveStackBytes());
    // Ruby probes its whole main-thread stack when it starts: its recipe caps it.
    assertEquals(32 * RunLimits.MIB, limits("ruby", PROBLEM).effectiveStackBytes());
  }

  @Test
  void aProblemsSmallerStackStays() {
    RunLimits small = PROBLEM.withStackBytes(8 * RunLimits.MIB);
    assertEquals(8 * RunLimits.MIB, limits("ruby", small).effectiveStackBytes());
  }
}
