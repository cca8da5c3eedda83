package dev.judgefleet.worker.problem;

import dev.judgefleet.worker.problem.ReferenceSubmission.TimeLimitUse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One rule for reference submissions, from a folder's default, {@code submissions.yaml} or a
 * DOMjudge {@code @EXPECTED_RESULTS@} tag, before it becomes an {@link Expectation}. Unlike an
 * Expectation it keeps "not given" apart from "empty", which a {@code submissions.yaml} entry
 * overriding a folder's default needs ("Keys that are not specified are inherited").
 *
 * @param useForTimeLimit {@code use_for_time_limit}: {@code lower}/{@code upper}, or {@link
 *     TimeLimitUse#NONE} for {@code false}; empty when not given (or {@code true}), so that the
 *     rule's verdicts decide
 * @param belowMaxScore the score must be below the maximum (legacy {@code partially_accepted})
 */
record SubmissionRule(
    String source,
    String testGlob,
    Optional<Set<String>> permitted,
    Optional<Set<String>> required,
    Set<String> finalVerdicts,
    Optional<Double> scoreMin,
    Optional<Double> scoreMax,
    Optional<String> message,
    Optional<TimeLimitUse> useForTimeLimit,
    boolean belowMaxScore) {

  /** The verdict codes a rule may name: the format's four, and our MLE, OLE, PE and CE. */
  static final Set<String> VERDICTS = Set.of("AC", "WA", "TLE", "RTE", "MLE", "OLE", "PE", "CE");

  SubmissionRule {
    permitted = permitted.map(Set::copyOf);
    required = required.map(Set::copyOf);
    finalVerdicts = Set.copyOf(finalVerdicts);
  }

  static SubmissionRule of(String source, Set<String> permitted, Set<String> required) {
    return new SubmissionRule(
        source,
        "",
        permitted.isEmpty() ? Optional.empty() : Optional.of(permitted),
        required.isEmpty() ? Optional.empty() : Optional.of(required),
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  /** Legacy {@code partially_accepted}: accepted, with a score below the maximum. */
  static SubmissionRule partiallyAccepted(String source) {
    return new SubmissionRule(
        source,
        "",
        Optional.empty(),
        Optional.empty(),
        Set.of("AC"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(TimeLimitUse.NONE),
        true);
  }

  static SubmissionRule finalVerdicts(String source, Set<String> verdicts) {
    return new SubmissionRule(
        source,
        "",
        Optional.empty(),
        Optional.empty(),
        verdicts,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  SubmissionRule withUseForTimeLimit(TimeLimitUse use) {
    return new SubmissionRule(
        source,
        testGlob,
        permitted,
        required,
        finalVerdicts,
        scoreMin,
        scoreMax,
        message,
        Optional.of(use),
        belowMaxScore);
  }

  /** This rule with what {@code override} gives replacing its own values, under its source. */
  SubmissionRule overriddenBy(SubmissionRule override) {
    return new SubmissionRule(
        override.source,
        testGlob,
        override.permitted.or(() -> permitted),
        override.required.or(() -> required),
        override.finalVerdicts.isEmpty() ? finalVerdicts : override.finalVerdicts,
        override.scoreMin.or(() -> scoreMin),
        override.scoreMax.or(() -> scoreMax),
        override.message.or(() -> message),
        override.useForTimeLimit.or(() -> useForTimeLimit),
        override.belowMaxScore || belowMaxScore);
  }

  /** Whether it asks anything of a submission (a rule may only set use_for_time_limit). */
  boolean constrains() {
    return permitted.isPresent()
        || required.isPresent()
        || !finalVerdicts.isEmpty()
        || scoreMin.isPresent()
        || message.isPresent()
        || belowMaxScore;
  }

  Expectation expectation() {
    return new Expectation(
        source,
        testGlob,
        permitted.orElse(Set.of()),
        required.orElse(Set.of()),
        finalVerdicts,
        scoreMin,
        scoreMax,
        message,
        belowMaxScore);
  }

  /**
   * How the rule bounds the time limit by its verdicts alone. 2023-07 and 2025-09 ("Timelimit
   * inference"): a rule that requires exactly TLE gives an upper bound, one whose permitted
   * verdicts exclude TLE a lower bound (so wrong_answer and run_time_error too). Legacy packages
   * leave it to the tools, and problemtools derives the limit from the accepted submissions only:
   * there only a rule that permits nothing but AC is a lower bound. A final verdict of exactly AC
   * or exactly TLE (DOMjudge tags) says the same in every format.
   *
   * @param acceptedOnly whether only submissions that must be accepted bound the limit from below
   */
  TimeLimitUse derivedTimeLimitUse(boolean acceptedOnly) {
    if (required.equals(Optional.of(Set.of("TLE")))) {
      return TimeLimitUse.UPPER;
    }
    if (acceptedOnly
        ? permitted.equals(Optional.of(Set.of("AC")))
        : permitted.isPresent() && !permitted.get().isEmpty() && !permitted.get().contains("TLE")) {
      return TimeLimitUse.LOWER;
    }
    if (permitted.isEmpty() && required.isEmpty()) {
      if (finalVerdicts.equals(Set.of("TLE"))) {
        return TimeLimitUse.UPPER;
      }
      if (finalVerdicts.equals(Set.of("AC"))) {
        return TimeLimitUse.LOWER;
      }
    }
    return TimeLimitUse.NONE;
  }

  /**
   * A submission's one {@link TimeLimitUse} from all its rules. An explicit {@code upper} or {@code
   * lower} wins (upper first); else an explicit {@code false} on a rule for the whole submission
   * opts it out; else the verdicts of the rules without {@code false} decide, upper first, since
   * one TLE test proves the limit too low whatever the other rules say.
   *
   * @param acceptedOnly see {@link #derivedTimeLimitUse}
   */
  static TimeLimitUse combine(List<SubmissionRule> rules, boolean acceptedOnly) {
    boolean explicitUpper = false;
    boolean explicitLower = false;
    boolean optedOut = false;
    boolean upper = false;
    boolean lower = false;
    for (SubmissionRule rule : rules) {
      if (rule.useForTimeLimit.isPresent()) {
        switch (rule.useForTimeLimit.get()) {
          case UPPER -> explicitUpper = true;
          case LOWER -> explicitLower = true;
          case NONE -> optedOut |= rule.testGlob.isEmpty();
        }
      } else {
        TimeLimitUse derived = rule.derivedTimeLimitUse(acceptedOnly);
        upper |= derived == TimeLimitUse.UPPER;
        lower |= derived == TimeLimitUse.LOWER;
      }
    }
    if (explicitUpper) {
      return TimeLimitUse.UPPER;
    }
    if (explicitLower) {
      return TimeLimitUse.LOWER;
    }
    if (optedOut) {
      return TimeLimitUse.NONE;
    }
    return upper ? TimeLimitUse.UPPER : lower ? TimeLimitUse.LOWER : TimeLimitUse.NONE;
  }
}
