package dev.judgefleet.worker.judge;

import static dev.judgefleet.worker.judge.JudgeFixtures.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.problem.Expectation;
import dev.judgefleet.worker.problem.ReferenceSubmission;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpectationCheckTest {
  private static ReferenceSubmission submission(Expectation... rules) {
    return new ReferenceSubmission(
        "x/sol.c",
        List.of(Path.of("/p/submissions/x/sol.c")),
        Optional.empty(),
        Optional.empty(),
        List.of(rules),
        ReferenceSubmission.TimeLimitUse.NONE);
  }

  private static Expectation rule(String glob, Set<String> permitted, Set<String> required) {
    return new Expectation(
        "test rule",
        glob,
        permitted,
        required,
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static JudgeResult result(Verdict verdict, TestOutcome... tests) {
    return new JudgeResult(
        verdict,
        "",
        null,
        List.of(tests),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        List.of(),
        Map.of(),
        Duration.ofSeconds(1),
        "v",
        Duration.ZERO);
  }

  @Test
  void memoryAndOutputLimitsCountAsRunTimeErrors() {
    ReferenceSubmission rte = submission(rule("", Set.of("AC", "RTE"), Set.of("RTE")));
    assertEquals(
        List.of(),
        ExpectationCheck.failures(
            rte,
            result(
                Verdict.MLE, outcome("sample/1", Verdict.AC), outcome("secret/1", Verdict.MLE))));
    assertEquals(
        List.of(),
        ExpectationCheck.failures(rte, result(Verdict.OLE, outcome("secret/1", Verdict.OLE))));
    // Both halves of the rule fail: WA is not permitted, and no RTE was seen.
    assertEquals(
        2,
        ExpectationCheck.failures(rte, result(Verdict.WA, outcome("secret/1", Verdict.WA))).size());
  }

  @Test
  void aGroupRuleAppliesToItsGroupOnly() {
    ReferenceSubmission partial =
        submission(
            rule("secret/g1", Set.of("AC"), Set.of()),
            rule("secret/g2", Set.of("AC", "WA"), Set.of("WA")));
    assertEquals(
        List.of(),
        ExpectationCheck.failures(
            partial,
            result(
                Verdict.WA,
                outcome("secret/g1/1", Verdict.AC),
                outcome("secret/g2/1", Verdict.WA))));
    assertTrue(
        ExpectationCheck.failures(
                partial,
                result(
                    Verdict.WA,
                    outcome("secret/g1/1", Verdict.WA),
                    outcome("secret/g2/1", Verdict.WA)))
            .get(0)
            .contains("secret/g1/1 got WA"));
  }

  @Test
  void aFinalVerdictRuleIsAboutTheWholeSubmission() {
    ReferenceSubmission ce =
        submission(
            new Expectation(
                "folder compile_error",
                "",
                Set.of(),
                Set.of(),
                Set.of("CE"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    assertEquals(List.of(), ExpectationCheck.failures(ce, result(Verdict.CE)));
    assertEquals(
        1,
        ExpectationCheck.failures(ce, result(Verdict.AC, outcome("secret/1", Verdict.AC))).size());
  }

  @Test
  void aJudgeErrorNeverMatches() {
    ReferenceSubmission any = submission(rule("", Set.of(), Set.of()));
    assertEquals(1, ExpectationCheck.failures(any, result(Verdict.IE)).size());
  }

  @Test
  void describesTheExpectationShortly() {
    assertEquals(
        "RTE", ExpectationCheck.describe(submission(rule("", Set.of("AC", "RTE"), Set.of("RTE")))));
    assertEquals("AC", ExpectationCheck.describe(submission(rule("", Set.of("AC"), Set.of()))));
  }
}
