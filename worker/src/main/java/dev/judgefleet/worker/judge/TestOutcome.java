package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.problem.TestCase;
import dev.judgefleet.worker.sandbox.RunResult;
import java.util.OptionalDouble;

/**
 * What one test came to.
 *
 * @param test the test
 * @param group the group it is in ({@code secret/g1})
 * @param verdict its verdict
 * @param run the submission's run (the last pass's), or null when it did not run
 * @param check the output check (the last pass's), or null when there was none
 * @param cpuNanos the submission's CPU time, the largest of its passes
 * @param wallNanos the submission's wall time, the largest of its passes
 * @param memoryBytes the submission's peak memory, the largest of its passes
 * @param passes how many passes ran
 * @param score the validator's score for it (score.txt or points), if any
 * @param scoreMultiplier the validator's score_multiplier.txt, if any
 */
public record TestOutcome(
    TestCase test,
    String group,
    Verdict verdict,
    RunResult run,
    CheckResult check,
    long cpuNanos,
    long wallNanos,
    long memoryBytes,
    int passes,
    OptionalDouble score,
    OptionalDouble scoreMultiplier) {

  public boolean accepted() {
    return verdict == Verdict.AC;
  }

  public String checkerMessage() {
    return check == null ? "" : check.judgeMessage();
  }

  /** The group of a test: its name without the last component. */
  static String groupOf(TestCase test) {
    int slash = test.name().lastIndexOf('/');
    return slash < 0 ? "" : test.name().substring(0, slash);
  }
}
