package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.sandbox.RunCause;
import dev.judgefleet.worker.sandbox.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of a submission's verdict, as tables. A row's tests are written {@code VERDICT} or
 * {@code VERDICT:message}, in the order they ran.
 */
class SubmissionVerdictTest {

  @ParameterizedTest(name = "compile {0} → {1}")
  @CsvSource({"RE, CE", "TLE, CE", "MLE, CE", "OLE, CE", "SV, CE", "IE, IE"})
  void aCompilationThatGaveNoProgram(RunStatus compile, Verdict expected) {
    assertEquals(expected, SubmissionVerdict.compileFailed(compile));
  }

  @ParameterizedTest(name = "[{0}] scoring={1} errors=''{2}'' → {3} ''{4}''")
  @CsvSource(
      delimiter = '|',
      value = {
        // Pass-fail: the first test not accepted decides, with its checker's message.
        "AC AC AC              | false |          | AC  | ",
        "AC WA:line_2 TLE    | false |          | WA  | line 2",
        "AC TLE WA:x           | false |          | TLE | ",
        "RE:crash WA:x         | false |          | RE  | crash",
        "AC IE:validator_43  | false |          | IE  | validator 43",
        // A testlib presentation error is a wrong answer in pass-fail problems...
        "AC PE:spaces          | false |          | WA  | spaces",
        // ...and stays PE where it is scored.
        "AC PE:spaces          | true  |          | PE  | spaces",
        // Scored: same rule, unless the scores cannot be aggregated (the problem's fault).
        "AC WA:x AC            | true  |          | WA  | x",
        "AC AC                 | true  |          | AC  | ",
        "AC WA:x               | true  | no_score | IE  | no score",
        // Aggregation errors do not exist for pass-fail problems.
        "AC AC                 | false | no_score | AC  | ",
        // No tests at all  is accepted.
        "                      | false |          | AC  | ",
      })
  void fromTheTests(String tests, boolean scoring, String errors, Verdict verdict, String message) {
    SubmissionVerdict.Decision decision =
        SubmissionVerdict.ofTests(
            outcomes(tests), scoring, errors == null ? List.of() : List.of(words(errors)));
    assertEquals(verdict, decision.verdict());
    assertEquals(words(message), decision.message());
  }

  @ParameterizedTest(name = "legacy grade {0} of [{1}] scoring={2} → {3} ''{4}''")
  @CsvSource(
      delimiter = '|',
      value = {
        // The graded verdict's first test gives the message (worst_error may pick a later one).
        "RE | WA:first RE:second       | false | RE | second",
        "WA | WA:first RE:second       | false | WA | first",
        // always_accept and accept_if_any_accepted: accepted over failed tests, no message.
        "AC | WA:first AC              | false | AC | ",
        // A grade no test has (it cannot happen, but then) takes the first failure's message.
        "TLE | AC WA:first             | false | TLE | first",
        "PE | PE:spaces                | false | WA | spaces",
        "PE | PE:spaces                | true  | PE | spaces",
      })
  void fromALegacyGrade(
      Verdict graded, String tests, boolean scoring, Verdict verdict, String message) {
    SubmissionVerdict.Decision decision =
        SubmissionVerdict.ofLegacyGrade(graded, outcomes(tests), scoring);
    assertEquals(verdict, decision.verdict());
    assertEquals(words(message), decision.message());
  }

  /** {@code AC WA:line_2} as outcomes of tests 1, 2, ... */
  private static List<TestOutcome> outcomes(String row) {
    List<TestOutcome> outcomes = new ArrayList<>();
    if (row == null) {
      return outcomes;
    }
    for (String cell : row.trim().split("\\s+")) {
      String[] parts = cell.split(":", 2);
      Verdict verdict = Verdict.valueOf(parts[0]);
      String message = parts.length > 1 ? words(parts[1]) : "";
      String name = "secret/" + (outcomes.size() + 1);
      TestOutcome plain =
          JudgeFixtures.outcome(name, verdict, OptionalDouble.empty(), OptionalDouble.empty());
      outcomes.add(
          new TestOutcome(
              plain.test(),
              plain.group(),
              verdict,
              JudgeFixtures.run(RunStatus.OK, RunCause.NONE, 0, null),
              new CheckResult(
                  verdict,
                  message,
                  "",
                  OptionalDouble.empty(),
                  OptionalDouble.empty(),
                  Optional.empty()),
              plain.cpuNanos(),
              plain.wallNanos(),
              plain.memoryBytes(),
              1,
              OptionalDouble.empty(),
              OptionalDouble.empty()));
    }
    return outcomes;
  }

  /** Table cells cannot hold spaces inside a test's cell: {@code _} stands for one. */
  private static String words(String cell) {
    return cell == null ? "" : cell.replace('_', ' ');
  }
}
