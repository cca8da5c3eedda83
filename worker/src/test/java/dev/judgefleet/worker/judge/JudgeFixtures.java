package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.problem.TestCase;
import dev.judgefleet.worker.sandbox.CapturedOutput;
import dev.judgefleet.worker.sandbox.RunCause;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Values for the judge's pure tests. */
final class JudgeFixtures {
  private JudgeFixtures() {}

  static TestCase test(String name) {
    return new TestCase(
        name,
        Path.of("/p/data/" + name + ".in"),
        Path.of("/p/data/" + name + ".ans"),
        List.of(),
        List.of());
  }

  static RunResult run(RunStatus status, RunCause cause, Integer exit, Integer signal) {
    return run(status, cause, exit, signal, CapturedOutput.NONE, CapturedOutput.NONE);
  }

  /** A run that exited 0 having written {@code stdout} and {@code stderr}. */
  static RunResult printed(CapturedOutput stdout, CapturedOutput stderr) {
    return run(RunStatus.OK, RunCause.NONE, 0, null, stdout, stderr);
  }

  private static RunResult run(
      RunStatus status,
      RunCause cause,
      Integer exit,
      Integer signal,
      CapturedOutput stdout,
      CapturedOutput stderr) {
    return new RunResult(
        status,
        cause,
        exit,
        signal,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ofMillis(5),
        Duration.ofMillis(6),
        1 << 20,
        false,
        1,
        stdout,
        stderr,
        Duration.ZERO,
        null,
        null,
        1);
  }

  static TestOutcome outcome(
      String name, Verdict verdict, OptionalDouble score, OptionalDouble multiplier) {
    CheckResult check = new CheckResult(verdict, "", "", score, multiplier, Optional.empty());
    return new TestOutcome(
        test(name),
        TestOutcome.groupOf(test(name)),
        verdict,
        run(RunStatus.OK, RunCause.NONE, 0, null),
        check,
        5_000_000,
        6_000_000,
        1 << 20,
        1,
        score,
        multiplier);
  }

  static TestOutcome outcome(String name, Verdict verdict) {
    return outcome(name, verdict, OptionalDouble.empty(), OptionalDouble.empty());
  }
}
