package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.judge.LegacyGrader.Graded;
import dev.judgefleet.worker.problem.LegacyGrading;
import dev.judgefleet.worker.problem.LegacyGrading.ScoreMode;
import dev.judgefleet.worker.problem.LegacyGrading.VerdictMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** problemtools' default grader, mode by mode. */
class LegacyGraderTest {
  private static final List<Graded> MIXED =
      List.of(
          new Graded("1", Verdict.AC, 10),
          new Graded("2", Verdict.WA, 0),
          new Graded("3", Verdict.TLE, 0),
          new Graded("4", Verdict.AC, 30));

  private static LegacyGrading grading(
      VerdictMode verdict, ScoreMode score, boolean anyAccepted, boolean ignoreSample) {
    return new LegacyGrading(
        true,
        verdict,
        score,
        anyAccepted,
        ignoreSample,
        1,
        0,
        Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY);
  }

  private static Graded grade(LegacyGrading grading, List<Graded> children) {
    return LegacyGrader.grade("g", grading, children);
  }

  @Test
  void worstErrorFollowsProblemtoolsOrderNotTheTestOrder() {
    Graded g = grade(grading(VerdictMode.WORST_ERROR, ScoreMode.SUM, false, false), MIXED);
    assertEquals(new Graded("g", Verdict.TLE, 40), g);
  }

  @Test
  void firstErrorIsTheFirstFailingChild() {
    Graded g = grade(grading(VerdictMode.FIRST_ERROR, ScoreMode.MIN, false, false), MIXED);
    assertEquals(new Graded("g", Verdict.WA, 0), g);
  }

  @Test
  void alwaysAcceptAndAcceptIfAnyAccepted() {
    assertEquals(
        new Graded("g", Verdict.AC, 30),
        grade(grading(VerdictMode.ALWAYS_ACCEPT, ScoreMode.MAX, false, false), MIXED));
    assertEquals(
        new Graded("g", Verdict.AC, 10),
        grade(grading(VerdictMode.WORST_ERROR, ScoreMode.AVG, true, false), MIXED));
    assertEquals(
        new Graded("g", Verdict.WA, 0),
        grade(
            grading(VerdictMode.WORST_ERROR, ScoreMode.SUM, true, false),
            List.of(new Graded("1", Verdict.WA, 0))));
  }

  @Test
  void ignoreSampleDropsTheSampleFromVerdictAndScore() {
    List<Graded> root =
        List.of(new Graded("sample", Verdict.WA, 0), new Graded("secret", Verdict.AC, 70));
    assertEquals(
        new Graded("g", Verdict.AC, 70),
        grade(grading(VerdictMode.WORST_ERROR, ScoreMode.SUM, false, true), root));
    assertEquals(
        new Graded("g", Verdict.WA, 70),
        grade(grading(VerdictMode.WORST_ERROR, ScoreMode.SUM, false, false), root));
  }

  @Test
  void aJudgeErrorAnywhereIsTheGroupsJudgeError() {
    Graded g =
        grade(
            grading(VerdictMode.ALWAYS_ACCEPT, ScoreMode.SUM, true, false),
            List.of(new Graded("1", Verdict.AC, 5), new Graded("2", Verdict.IE, 0)));
    assertEquals(new Graded("g", Verdict.IE, 0), g);
  }

  @Test
  void runTimeErrorsOutrankTimeLimitsAndSecurityViolationsAreRunTimeErrors() {
    Graded g =
        grade(
            grading(VerdictMode.WORST_ERROR, ScoreMode.SUM, false, false),
            List.of(
                new Graded("1", Verdict.TLE, 0),
                new Graded("2", Verdict.SV, 0),
                new Graded("3", Verdict.RE, 0)));
    assertEquals(Verdict.SV, g.verdict());
  }
}
