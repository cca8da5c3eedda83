package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.problem.Expectation;
import dev.judgefleet.worker.problem.ReferenceSubmission;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a reference submission got what its folder (or submissions.yaml, or its
 * {@code @EXPECTED_RESULTS@} tag) says. Verdicts are matched by the format's codes: MLE, OLE and SV
 * are also RTE; PE is also WA. Pure.
 */
public final class ExpectationCheck {
  private ExpectationCheck() {}

  /** The format's codes a verdict answers to. */
  static Set<String> codes(Verdict verdict) {
    return switch (verdict) {
      case AC -> Set.of("AC");
      case WA -> Set.of("WA");
      case PE -> Set.of("PE", "WA");
      case TLE -> Set.of("TLE");
      case RE -> Set.of("RTE", "RE");
      case MLE -> Set.of("MLE", "RTE");
      case OLE -> Set.of("OLE", "RTE");
      case SV -> Set.of("SV", "RTE");
      case CE -> Set.of("CE");
      case IE -> Set.of("IE");
    };
  }

  /** What went against the expectations; empty when the submission got what it should. */
  public static List<String> failures(ReferenceSubmission submission, JudgeResult result) {
    List<String> failures = new ArrayList<>();
    if (result.verdict() == Verdict.IE) {
      failures.add("judge error: " + result.message());
      return failures;
    }
    for (Expectation e : submission.expectations()) {
      Predicate<String> applies = e.testFilter();
      List<TestOutcome> tests =
          result.tests().stream().filter(t -> applies.test(t.test().name())).toList();
      if (!e.finalVerdicts().isEmpty() && disjoint(codes(result.verdict()), e.finalVerdicts())) {
        failures.add(
            e.source() + ": got " + result.verdict() + ", expected one of " + e.finalVerdicts());
        continue;
      }
      if (result.verdict() == Verdict.CE) {
        if (e.finalVerdicts().isEmpty()) {
          failures.add(e.source() + ": did not compile");
        }
        continue;
      }
      if (!e.permitted().isEmpty()) {
        for (TestOutcome t : tests) {
          if (disjoint(codes(t.verdict()), e.permitted())) {
            failures.add(
                e.source()
                    + ": "
                    + t.test().name()
                    + " got "
                    + t.verdict()
                    + ", permitted "
                    + e.permitted());
            break;
          }
        }
      }
      if (!e.required().isEmpty()
          && tests.stream().allMatch(t -> disjoint(codes(t.verdict()), e.required()))) {
        failures.add(
            e.source() + ": no test got any of " + e.required() + " (got " + verdicts(tests) + ")");
      }
      if (e.scoreMin().isPresent() || e.scoreMax().isPresent()) {
        double score = result.score().orElse(0);
        if (e.scoreMin().map(min -> score < min - 1e-6).orElse(false)
            || e.scoreMax().map(max -> score > max + 1e-6).orElse(false)) {
          failures.add(
              e.source()
                  + ": score "
                  + score
                  + ", expected "
                  + e.scoreMin().orElse(null)
                  + ".."
                  + e.scoreMax().orElse(null));
        }
      }
      if (e.belowMaxScore()
          && result.maxScore().isPresent()
          && result.score().orElse(0) >= result.maxScore().getAsDouble() - 1e-6) {
        failures.add(
            e.source()
                + ": score "
                + ScoreText.of(result.score().orElse(0))
                + " is the maximum, a partially accepted submission must score less");
      }
      if (e.message().isPresent()
          && tests.stream().noneMatch(t -> t.checkerMessage().contains(e.message().get()))) {
        failures.add(e.source() + ": no judge message contains \"" + e.message().get() + "\"");
      }
    }
    return failures;
  }

  /** The expectation in a few characters, for a table: {@code WA}, {@code AC 30}, {@code CE}. */
  public static String describe(ReferenceSubmission submission) {
    Set<String> shown = new LinkedHashSet<>();
    String score = "";
    for (Expectation e : submission.expectations()) {
      if (!e.finalVerdicts().isEmpty()) {
        shown.addAll(e.finalVerdicts());
      } else if (!e.required().isEmpty()) {
        shown.addAll(e.required());
      } else if (!e.permitted().isEmpty() && e.testGlob().isEmpty()) {
        shown.addAll(e.permitted());
      }
      if (e.belowMaxScore()) {
        score = " <max";
      }
      if (e.scoreMin().isPresent()) {
        score =
            e.scoreMin().equals(e.scoreMax())
                ? " " + trim(e.scoreMin().get())
                : " "
                    + trim(e.scoreMin().get())
                    + ".."
                    + e.scoreMax().map(ExpectationCheck::trim).orElse("");
      }
    }
    return (shown.isEmpty() ? "?" : String.join("|", shown)) + score;
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    return a.stream().noneMatch(b::contains);
  }

  private static List<Verdict> verdicts(List<TestOutcome> tests) {
    return tests.stream().map(TestOutcome::verdict).distinct().toList();
  }
}
