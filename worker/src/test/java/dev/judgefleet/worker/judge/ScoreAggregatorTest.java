package dev.judgefleet.worker.judge;

import static dev.judgefleet.worker.judge.JudgeFixtures.outcome;
import static dev.judgefleet.worker.judge.JudgeFixtures.test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.problem.Aggregation;
import dev.judgefleet.worker.problem.TestGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ScoreAggregatorTest {
  private static TestGroup group(
      String name, Aggregation aggregation, double max, List<String> tests) {
    return new TestGroup(
        name,
        tests.stream().map(JudgeFixtures::test).toList(),
        List.of(),
        aggregation,
        OptionalDouble.of(max),
        List.of(),
        Double.NaN);
  }

  private static TestGroup secret(TestGroup... groups) {
    return new TestGroup(
        "secret",
        List.of(),
        List.of(groups),
        Aggregation.SUM,
        OptionalDouble.of(100),
        List.of(),
        Double.NaN);
  }

  private static Map<String, TestOutcome> outcomes(TestOutcome... all) {
    Map<String, TestOutcome> map = new LinkedHashMap<>();
    for (TestOutcome o : all) {
      map.put(o.test().name(), o);
    }
    return map;
  }

  @Test
  void minGroupsScoreAllOrNothingAndSumAddsThemUp() {
    TestGroup g1 = group("secret/g1", Aggregation.MIN, 30, List.of("secret/g1/1", "secret/g1/2"));
    TestGroup g2 = group("secret/g2", Aggregation.MIN, 70, List.of("secret/g2/1", "secret/g2/2"));
    var scores =
        ScoreAggregator.aggregate(
            secret(g1, g2),
            outcomes(
                outcome("secret/g1/1", Verdict.AC), outcome("secret/g1/2", Verdict.AC),
                outcome("secret/g2/1", Verdict.AC), outcome("secret/g2/2", Verdict.WA)));
    assertEquals(30, scores.score());
    assertEquals(OptionalDouble.of(100), scores.maxScore());
    assertEquals(
        List.of("secret/g1", "secret/g2", "secret"),
        scores.groups().stream().map(ScoreAggregator.GroupResult::name).toList());
  }

  @Test
  void sumGroupsShareTheirMaximumAndTakeValidatorScores() {
    TestGroup g =
        group(
            "secret/g",
            Aggregation.SUM,
            100,
            List.of("secret/g/1", "secret/g/2", "secret/g/3", "secret/g/4"));
    var scores =
        ScoreAggregator.aggregate(
            secret(g),
            outcomes(
                outcome("secret/g/1", Verdict.AC),
                outcome("secret/g/2", Verdict.AC, OptionalDouble.empty(), OptionalDouble.of(0.5)),
                outcome("secret/g/3", Verdict.AC, OptionalDouble.of(10), OptionalDouble.empty()),
                outcome("secret/g/4", Verdict.TLE)));
    assertEquals(25 + 12.5 + 10 + 0, scores.score(), 1e-9);
    assertEquals(12.5, scores.testScores().get("secret/g/2"), 1e-9);
  }

  @Test
  void aTestThatNeverRanScoresNothing() {
    TestGroup g = group("secret/g", Aggregation.PASS_FAIL, 40, List.of("secret/g/1"));
    var scores = ScoreAggregator.aggregate(secret(g), outcomes());
    assertEquals(0, scores.score());
  }

  @Test
  void aScoreOverTheMaximumIsAJudgeError() {
    TestGroup g = group("secret/g", Aggregation.MIN, 10, List.of("secret/g/1"));
    var scores =
        ScoreAggregator.aggregate(
            secret(g),
            outcomes(
                outcome("secret/g/1", Verdict.AC, OptionalDouble.of(11), OptionalDouble.empty())));
    assertFalse(scores.errors().isEmpty());
  }

  @Test
  void legacyAcceptScoreCountsAcceptedTests() {
    TestGroup legacy =
        new TestGroup(
            "secret",
            List.of(test("secret/1"), test("secret/2"), test("secret/3")),
            List.of(),
            Aggregation.SUM,
            OptionalDouble.empty(),
            List.of(),
            2);
    var scores =
        ScoreAggregator.aggregate(
            legacy,
            outcomes(
                outcome("secret/1", Verdict.AC),
                outcome("secret/2", Verdict.WA),
                outcome("secret/3", Verdict.AC)));
    assertEquals(4, scores.score());
  }
}
