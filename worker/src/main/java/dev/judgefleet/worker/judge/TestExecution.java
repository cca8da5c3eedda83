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
 * Runs one test: its passes, each a step given its input (the test's, or the previous pass's {@code
 * nextpass.in}) — a batch run and its output check, or an interactive exchange — and a multi-pass
 * validator may ask for another pass, up to the problem's limit.
 */
final class TestExecution {
  /** One pass of a test, given its input. */
  interface PassStep {
    Pass run(TestCase test, Path input, int pass);
  }

  /** One pass of a test: its verdict, the submission's run, the output check if there was one. */
  record Pass(Verdict verdict, RunResult run, CheckResult check) {}

  private final OutputChecker checker;
  private final PassStep step;
  private final boolean multiPass;
  private final int maxPasses;
  private final Path scratch;

  /**
   * @param checker told of each test's start (fresh feedback), whatever the step does with it
   * @param scratch a worker-private directory for the inputs of later passes; null when the problem
   *     is not multi-pass
   */
  TestExecution(
      OutputChecker checker, PassStep step, boolean multiPass, int maxPasses, Path scratch) {
    this.checker = checker;
    this.step = step;
    this.multiPass = multiPass;
    this.maxPasses = maxPasses;
    this.scratch = scratch;
  }

  /**
   * The pass of a batch or multi-pass problem: the submission reads the input, its output is
   * checked.
   *
   * @param program the submission's run for any test (its stdin is set per pass)
   */
  static PassStep batch(Sandbox sandbox, RunSpec program, OutputChecker checker) {
    return (test, input, pass) -> {
      RunResult run = sandbox.run(program.withArgs(test.args()).withStdin(input));
      if (run.status() != RunStatus.OK) {
        return new Pass(TestVerdict.batch(run.status(), null), run, null);
      }
      CheckResult check = checker.check(test, input, run.stdout().file(), pass);
      return new Pass(TestVerdict.batch(run.status(), check.verdict()), run, check);
    };
  }

  /**
   * Runs a test's passes: one, or as many as the validator asks for with {@code nextpass.in}, up to
   * the problem's limit. Time and memory limits hold per pass; the outcome keeps the largest.
   */
  TestOutcome run(TestCase test) {
    checker.startTest(test);
    Path input = test.input();
    long cpu = 0;
    long wall = 0;
    long memory = 0;
    for (int pass = 1; ; pass++) {
      Pass result = step.run(test, input, pass);
      RunResult run = result.run();
      cpu = Math.max(cpu, run.cpu().toNanos());
      wall = Math.max(wall, run.wall().toNanos());
      memory = Math.max(memory, run.memoryPeakBytes());
      CheckResult check = result.check();
      if (result.verdict() != Verdict.AC || check == null || check.nextPass().isEmpty()) {
        return outcome(test, result.verdict(), run, check, cpu, wall, memory, pass);
      }
      if (!multiPass || pass >= maxPasses) {
        CheckResult error =
            CheckResult.internalError(
                multiPass
                    ? "the output validator asked for pass "
                        + (pass + 1)
                        + ", over the limit of "
                        + maxPasses
                        + " (limits.validation_passes)"
                    : "the output validator wrote nextpass.in, but the problem is not multi-pass");
        return outcome(test, Verdict.IE, run, error, cpu, wall, memory, pass);
      }
      input = scratch.resolve("pass-" + (pass + 1) + ".in");
      try {
        Files.write(input, check.nextPass().get());
      } catch (IOException e) {
        throw new UncheckedIOException("writing the next pass's input " + input, e);
      }
    }
  }

  private static TestOutcome outcome(
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
