package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.sandbox.CapturedOutput;
import dev.judgefleet.worker.sandbox.RunCause;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A managed runtime that stops at its own heap limit is MLE, as a cgroup OOM kill is. */
class HeapLimitTest {
  private static final LanguageCatalog CATALOG = LanguageCatalog.builtIn();

  private static RunResult failed(RunStatus status, RunCause cause, String stderr) {
    byte[] bytes = stderr.getBytes(StandardCharsets.UTF_8);
    return new RunResult(
        status,
        cause,
        cause == RunCause.EXIT_CODE ? 3 : null,
        null,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ofMillis(300),
        Duration.ofMillis(310),
        200 << 20,
        false,
        20,
        CapturedOutput.NONE,
        new CapturedOutput(null, bytes.length, false, bytes),
        Duration.ZERO,
        null,
        null,
        1);
  }

  private static RunResult judged(String language, RunResult run) {
    Language l = CATALOG.find(language).orElseThrow();
    return new CompiledProgram(l, "Main", "Main.java", null, "").judged(run);
  }

  @Test
  void theJvmsOutOfMemoryErrorIsMle() {
    RunResult run =
        judged(
            "java",
            failed(
                RunStatus.RE,
                RunCause.EXIT_CODE,
                "Terminating due to java.lang.OutOfMemoryError: Java heap space\n"));
    assertEquals(RunStatus.MLE, run.status());
    assertEquals(RunCause.HEAP_LIMIT, run.cause());
    assertEquals("heap limit", run.causeDetail());
    assertEquals(3, run.exitCode());
  }

  @Test
  void otherFailuresKeepTheirStatus() {
    String oom = "java.lang.OutOfMemoryError";
    assertEquals(RunStatus.RE, judged("c", failed(RunStatus.RE, RunCause.EXIT_CODE, oom)).status());
    assertEquals(
        RunStatus.TLE, judged("java", failed(RunStatus.TLE, RunCause.CPU_TIME, oom)).status());
    assertEquals(
        RunStatus.RE,
        judged("java", failed(RunStatus.RE, RunCause.EXIT_CODE, "NullPointerException")).status());
  }
}
