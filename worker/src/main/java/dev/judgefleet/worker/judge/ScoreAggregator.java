package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.problem.Aggregation;
import dev.judgefleet.worker.problem.TestCase;
import dev.judgefleet.worker.problem.TestGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Scores a scoring problem's {@code secret} from its tests' outcomes (2025-09 "Scoring problems";
 * legacy {@code accept_score} and sum/min grading too). Pure: no I/O.
 *
 * <p>A test's maximum is its group's {@code max_score} under {@code min}, an equal share of it
 * under {@code sum}. An accepted test scores its validator's {@code score.txt}, or {@code
 * score_multiplier.txt} times its maximum, or its maximum; a test that failed or never ran scores
 * 0. A group scores the sum or the minimum of its parts, or, under {@code pass-fail}, its maximum
 * when every test in it was accepted.
 */
public final class ScoreAggregator {
  private ScoreAggregator() {}

  /** The score of one group. */
  public record GroupResult(String name, double score, OptionalDouble maxScore) {}

  /** The submission's score and every group's and test's. */
  public record Scores(
      double score,
      OptionalDouble maxScore,
      List<GroupResult> groups,
      Map<String, Double> testScores,
      List<String> errors) {}

  public static Scores aggregate(TestGroup secret, Map<String, TestOutcome> outcomes) {
    List<GroupResult> groups = new ArrayList<>();
    Map<String, Double> testScores = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    Part top = group(secret, outcomes, groups, testScores, errors);
    return new Scores(top.score, secret.maxScore(), groups, testScores, errors);
  }

  private record Part(double score, boolean allAccepted) {}

  private static Part group(
      TestGroup group,
      Map<String, TestOutcome> outcomes,
      List<GroupResult> groups,
      Map<String, Double> testScores,
      List<String> errors) {
    boolean legacy = !Double.isNaN(group.acceptScore());
    OptionalDouble max = group.maxScore();
    List<Double> parts = new ArrayList<>();
    boolean allAccepted = true;
    int n = group.tests().size();
    for (TestCase test : group.tests()) {
      TestOutcome outcome = outcomes.get(test.name());
      boolean accepted = outcome != null && outcome.accepted();
      allAccepted &= accepted;
      double testMax =
          legacy || max.isEmpty()
              ? Double.NaN
              : group.aggregation() == Aggregation.MIN ? max.getAsDouble() : max.getAsDouble() / n;
      double score = accepted ? testScore(outcome, testMax, group, errors) : 0;
      if (group.aggregation() != Aggregation.PASS_FAIL) {
        testScores.put(test.name(), score);
      }
      parts.add(score);
    }
    for (TestGroup sub : group.groups()) {
      Part part = group(sub, outcomes, groups, testScores, errors);
      allAccepted &= part.allAccepted;
      parts.add(part.score);
    }
    double score =
        switch (group.aggregation()) {
          case PASS_FAIL -> allAccepted ? max.orElse(0) : 0;
          case SUM -> parts.stream().mapToDouble(Double::doubleValue).sum();
          case MIN -> parts.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        };
    if (max.isPresent() && score > max.getAsDouble() + 1e-9) {
      errors.add(
          "group "
              + group.name()
              + " scored "
              + score
              + ", over its max_score "
              + max.getAsDouble());
    }
    groups.add(new GroupResult(group.name(), score, max));
    return new Part(score, allAccepted);
  }

  private static double testScore(
      TestOutcome outcome, double testMax, TestGroup group, List<String> errors) {
    if (group.aggregation() == Aggregation.PASS_FAIL) {
      return 0;
    }
    if (outcome.score().isPresent()) {
      double score = outcome.score().getAsDouble();
      if (!Double.isNaN(testMax) && score > testMax + 1e-9) {
        errors.add(
            "test "
                + outcome.test().name()
                + " scored "
                + score
                + " (score.txt), over its"
                + " maximum "
                + testMax);
      }
      return score;
    }
    if (outcome.scoreMultiplier().isPresent()) {
      double multiplier = outcome.scoreMultiplier().getAsDouble();
      if (Double.isNaN(testMax) || multiplier > 1) {
        errors.add(
            "test "
                + outcome.test().name()
                + ": score_multiplier.txt needs a bounded"
                + " maximum and a value in [0, 1]");
        return 0;
      }
      return multiplier * testMax;
    }
    if (!Double.isNaN(group.acceptScore())) {
      return group.acceptScore();
    }
    if (Double.isNaN(testMax)) {
      errors.add("test " + outcome.test().name() + " has no score.txt in an unbounded group");
      return 0;
    }
    return testMax;
  }
}
