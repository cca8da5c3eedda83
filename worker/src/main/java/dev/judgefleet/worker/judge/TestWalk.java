package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Phase;
import dev.judgefleet.worker.problem.Aggregation;
import dev.judgefleet.worker.problem.TestCase;
import dev.judgefleet.worker.problem.TestGroup;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Goes through groups in judging order (a group's tests and subgroups interleaved by name, {@link
 * TestGroup#members()}). Pass-fail problems stop at the first failing test; in a scoring problem a
 * failed test ends the tests of its pass-fail or min group (its score is 0 either way; subgroups
 * still run), and a group whose require_pass groups were not all accepted is not run at all.
 */
final class TestWalk {
  /** Runs one test, whatever the kind of problem. */
  interface TestRunner {
    TestOutcome run(TestCase test);
  }

  private final TestRunner runner;
  private final ProgressListener progress;
  private final int total;
  private final boolean runAll;
  private final boolean scoring;
  private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
  private final Map<String, Boolean> groupAccepted = new LinkedHashMap<>();
  private int done;

  /**
   * @param total how many tests there are, for progress
   * @param runAll whether to go on after a failure
   * @param scoring whether the problem is scored (else the first failure ends judging)
   */
  TestWalk(
      TestRunner runner, ProgressListener progress, int total, boolean runAll, boolean scoring) {
    this.runner = runner;
    this.progress = progress;
    this.total = total;
    this.runAll = runAll;
    this.scoring = scoring;
  }

  /** The outcome of every test run so far, by name, in the order they ran. */
  Map<String, TestOutcome> outcomes() {
    return outcomes;
  }

  /** Returns false when judging must stop. */
  boolean group(TestGroup group) {
    for (String required : group.requirePass()) {
      if (!groupAccepted.getOrDefault(required, false)) {
        groupAccepted.put(group.name(), false);
        return true;
      }
    }
    boolean accepted = true;
    boolean stopTests = false;
    for (TestGroup.Member member : group.members()) {
      if (member instanceof TestGroup.Subgroup sub) {
        if (!group(sub.group())) {
          return false;
        }
        accepted &= groupAccepted.getOrDefault(sub.name(), false);
      } else if (!stopTests) {
        TestCase test = ((TestGroup.Test) member).test();
        progress.progress(Phase.RUNNING, ++done, total);
        TestOutcome outcome = runner.run(test);
        outcomes.put(test.name(), outcome);
        if (!outcome.accepted()) {
          accepted = false;
          if (!runAll) {
            if (!scoring) {
              groupAccepted.put(group.name(), false);
              return false;
            }
            // The group scores 0 now, whatever its other tests do.
            stopTests = group.aggregation() != Aggregation.SUM;
          }
        }
      }
    }
    groupAccepted.put(group.name(), accepted);
    return true;
  }
}
