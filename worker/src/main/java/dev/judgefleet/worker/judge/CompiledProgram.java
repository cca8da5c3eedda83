package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.sandbox.HeapLimit;
import dev.judgefleet.worker.sandbox.RunLimits;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunSpec;
import dev.judgefleet.worker.sandbox.RunStatus;
import java.time.Duration;
import java.util.Map;

/**
 * A program ready to run in its sandbox (or the compile that failed).
 *
 * @param language its language
 * @param mainName the main class or program name the entry-point rule found
 * @param sourceFile the file name the source was saved under in /box
 * @param compile the compile run, or null for a language without a compile step
 * @param compilerOutput the compiler's stdout and stderr, capped
 */
public record CompiledProgram(
    Language language,
    String mainName,
    String sourceFile,
    RunResult compile,
    String compilerOutput) {

  /** Whether there is a program to run: no compile step, or a compile that succeeded. */
  public boolean ok() {
    return compile == null || compile.status() == RunStatus.OK;
  }

  /**
   * The run of this program under a problem's limits: the language's time factor applies to the CPU
   * limit (and to the default wall limit), its extra memory is added for the runtime itself, its
   * process limit replaces the default, and its stack, if it sets one, caps the problem's.
   *
   * @param problem the limits the problem sets (before the language's adjustments)
   * @param wallGiven whether the problem's wall limit was given explicitly (else derived)
   */
  public RunSpec runSpec(RunLimits problem, boolean wallGiven) {
    Duration cpu = scale(problem.cpuTime(), language.timeFactor());
    Duration wall = wallGiven ? problem.wallTime() : cpu.multipliedBy(2).plusSeconds(1);
    RunLimits limits =
        language.stackCapped(
            problem
                .withCpuTime(cpu)
                .withWallTime(wall)
                .withMemoryBytes(problem.memoryBytes() + language.extraMemoryBytes())
                .withProcesses(language.processes()));
    Map<String, String> values =
        Map.of(
            "source",
            sourceFile,
            "main",
            mainName,
            "memoryMiB",
            Long.toString(Math.max(1, problem.memoryBytes() / RunLimits.MIB)),
            "stackMiB",
            Long.toString(Math.max(1, limits.effectiveStackBytes() / RunLimits.MIB)));
    RunSpec run =
        ProgramBuilder.runSpec(language, Language.expand(language.run(), values), limits, false);
    return language.outOfMemory().isEmpty()
        ? run
        : run.withHeapLimit(new HeapLimit(problem.memoryBytes(), language.outOfMemory()));
  }

  static Duration scale(Duration d, double factor) {
    return Duration.ofNanos(Math.round(d.toNanos() * factor));
  }
}
