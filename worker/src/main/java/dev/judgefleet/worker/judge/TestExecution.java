package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.problem.TestCase;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunSpec;
import dev.judgefleet.worker.sandbox.RunStatus;
import dev.judgefleet.worker.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Runs one test of a batch or multi-pass problem: the submission reads the test's input (or the
 * previous pass's {@code nextpass.in}), its output is checked, and a multi-pass validator may ask
 * for another pass, up to the problem's limit.
 */
final class TestExecution {
  private final Sandbox sandbox;
  private final RunSpec program;
  private final OutputChecker checker;
  private final boolean multiPass;
  private final int maxPasses;
  private final Path scratch;

  /**
   * @param program the submission's run for any test (its stdin is set per pass)
   * @param scratch a worker-private directory for pass inputs
   */
  TestExecution(
      Sandbox sandbox,
      RunSpec program,
      OutputChecker checker,
      boolean multiPass,
      int maxPasses,
      Path scratch) {
    this.sandbox = sandbox;
    this.program = program;
    this.checker = checker;
    this.multiPass = multiPass;
    this.maxPasses = maxPasses;
    this.scratch = scratch;
  }

  TestOutcome run(TestCase test) {
    checker.startTest(test);
    Path input = test.input();
    long cpu = 0;
    long wall = 0;
    long memory = 0;
    RunResult run = null;
    CheckResult check = null;
    int pass = 0;
    while (true) {
      pass++;
      run = sandbox.run(program.withArgs(test.args()).withStdin(input));
      cpu = Math.max(cpu, run.cpu().toNanos());
      wall = Math.max(wall, run.wall().toNanos());
      memory = Math.max(memory, run.memoryPeakBytes());
      if (run.status() != RunStatus.OK) {
        return outcome(test, RunVerdicts.of(run.status()), run, null, cpu, wall, memory, pass);
      }
      check = checker.check(test, input, run.stdout().file(), pass);
      if (check.verdict() != Verdict.AC || check.nextPass().isEmpty()) {
        break;
      }
      if (!multiPass) {
        check =
            CheckResult.internalError(
                "the output validator wrote nextpass.in, but the" + " problem is not multi-pass");
        break;
      }
      if (pass >= maxPasses) {
        check =
            CheckResult.internalError(
                "the output validator asked for pass "
                    + (pass + 1)
                    + ", over the limit of "
                    + maxPasses
                    + " (limits.validation_passes)");
        break;
      }
      input = scratch.resolve("pass-" + (pass + 1) + ".in");
      try {
        Files.write(input, check.nextPass().get());
      } catch (IOException e) {
        throw new UncheckedIOException("writing the next pass's input " + input, e);
      }
    }
    return outcome(test, check.verdict(), run, check, cpu, wall, memory, pass);
  }

  static TestOutcome outcome(
      TestCase test,
      Verdict verdict,
      RunResult run,
      CheckResult check,
      long cpu,
      long wall,
      long memory,
      int passes) {
    return new TestOutcome(
        test,
        TestOutcome.groupOf(test),
        verdict,
        run,
        check,
        cpu,
        wall,
        memory,
        passes,
        check == null ? OptionalDouble.empty() : check.score(),
        check == null ? OptionalDouble.empty() : check.scoreMultiplier());
  }
}
