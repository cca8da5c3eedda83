package dev.judgefleet.worker.judge;

import static dev.judgefleet.worker.judge.JudgeFixtures.outcome;
import static dev.judgefleet.worker.judge.JudgeFixtures.test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.problem.Aggregation;
import dev.judgefleet.worker.problem.TestCase;
import dev.judgefleet.worker.problem.TestGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TestWalkTest {
  private static TestGroup group(
      String name, Aggregation aggregation, List<String> tests, TestGroup... groups) {
    return new TestGroup(
        name,
        tests.stream().map(JudgeFixtures::test).toList(),
        List.of(groups),
        aggregation,
        OptionalDouble.empty(),
        List.of(),
        Double.NaN);
  }

  /** secret: a test named between two subgroups, so only an interleaved walk reaches it second. */
  private static TestGroup secret(Aggregation aggregation) {
    return group(
        "secret",
        aggregation,
        List.of("secret/2"),
        group("secret/1", Aggregation.PASS_FAIL, List.of("secret/1/a")),
        group("secret/3", Aggregation.PASS_FAIL, List.of("secret/3/a")));
  }

  /** Answers from a fixed table (AC by default) and remembers what it ran. */
  private static final class FakeRunner implements TestWalk.TestRunner {
    final Map<String, Verdict> verdicts;
    final List<String> ran = new ArrayList<>();

    FakeRunner(Map<String, Verdict> verdicts) {
      this.verdicts = verdicts;
    }

    @Override
    public TestOutcome run(TestCase test) {
      ran.add(test.name());
      return outcome(test.name(), verdicts.getOrDefault(test.name(), Verdict.AC));
    }
  }

  @Test
  void aGroupsMembersAreItsTestsAndSubgroupsInterleavedByName() {
    TestGroup secret = secret(Aggregation.PASS_FAIL);
    assertEquals(
        List.of("secret/1", "secret/2", "secret/3"),
        secret.members().stream().map(TestGroup.Member::name).toList());
    assertEquals(
        List.of(new TestGroup.Test(test("secret/2"))),
        secret.members().stream().filter(m -> m instanceof TestGroup.Test).toList());
    assertEquals(
        List.of("secret/1/a", "secret/2", "secret/3/a"),
        secret.allTests().stream().map(TestCase::name).toList());
  }

  @Test
  void testsAndSubgroupsRunInterleavedByName() {
    FakeRunner runner = new FakeRunner(Map.of());
    TestWalk walk = new TestWalk(runner, ProgressListener.NONE, 3, false, false);

    assertTrue(walk.group(secret(Aggregation.PASS_FAIL)));
    assertEquals(List.of("secret/1/a", "secret/2", "secret/3/a"), runner.ran);
    assertEquals(runner.ran, List.copyOf(walk.outcomes().keySet()));
  }

  @Test
  void inAPassFailProblemTheFirstFailureInJudgingOrderDecides() {
    FakeRunner runner = new FakeRunner(Map.of("secret/1/a", Verdict.WA, "secret/2", Verdict.TLE));
    TestWalk walk = new TestWalk(runner, ProgressListener.NONE, 3, false, false);

    assertFalse(walk.group(secret(Aggregation.PASS_FAIL)));
    assertEquals(List.of("secret/1/a"), runner.ran);
    assertEquals(Verdict.WA, walk.outcomes().get("secret/1/a").verdict());
  }

  @Test
  void aFailureInAMinGroupSkipsItsLaterTestsButNotItsSubgroups() {
    TestGroup g =
        group(
            "secret/g",
            Aggregation.MIN,
            List.of("secret/g/1", "secret/g/3"),
            group("secret/g/2", Aggregation.PASS_FAIL, List.of("secret/g/2/a")),
            group("secret/g/4", Aggregation.PASS_FAIL, List.of("secret/g/4/a")));
    FakeRunner runner = new FakeRunner(Map.of("secret/g/1", Verdict.WA));
    TestWalk walk = new TestWalk(runner, ProgressListener.NONE, 5, false, true);

    assertTrue(walk.group(g));
    assertEquals(List.of("secret/g/1", "secret/g/2/a", "secret/g/4/a"), runner.ran);
  }
}
