package dev.judgefleet.worker.problem;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One rule a reference submission must satisfy (2025-09 {@code submissions.yaml}).
 *
 * <p>Codes are the format's: {@code AC}, {@code WA}, {@code TLE}, {@code RTE}; we add {@code MLE},
 * {@code OLE} (each also counts as {@code RTE}), {@code PE} (counts as {@code WA}) and {@code CE}
 * (the whole submission failed to compile). A DOMjudge {@code @EXPECTED_RESULTS@:} tag becomes a
 * rule on the final verdict only ({@link #finalVerdicts}).
 *
 * @param source where the rule comes from, for messages: {@code folder wrong_answer}, {@code
 *     submissions.yaml "accepted/*"}, {@code @EXPECTED_RESULTS@ in sol.c}
 * @param testGlob the tests it applies to ({@code secret/group1}, {@code secret/*-hard}, braces
 *     unexpanded, see {@link Glob} and {@link #testFilter}); empty for all
 * @param permitted every applicable test's verdict must be one of these; empty for no constraint
 * @param required at least one applicable test's verdict must be one of these; empty for none
 * @param finalVerdicts the submission's final verdict must be one of these; empty for none
 * @param scoreMin the lowest allowed score (scoring problems), if any
 * @param scoreMax the highest allowed score, if any
 * @param message a substring some judgemessage.txt must contain, if any
 * @param belowMaxScore the score must be below the problem's maximum (legacy {@code
 *     partially_accepted}: "Overall score must not be max of range")
 */
public record Expectation(
    String source,
    String testGlob,
    Set<String> permitted,
    Set<String> required,
    Set<String> finalVerdicts,
    Optional<Double> scoreMin,
    Optional<Double> scoreMax,
    Optional<String> message,
    boolean belowMaxScore) {

  public Expectation {
    permitted = Set.copyOf(permitted);
    required = Set.copyOf(required);
    finalVerdicts = Set.copyOf(finalVerdicts);
  }

  /** A rule without the legacy below-the-maximum condition. */
  public Expectation(
      String source,
      String testGlob,
      Set<String> permitted,
      Set<String> required,
      Set<String> finalVerdicts,
      Optional<Double> scoreMin,
      Optional<Double> scoreMax,
      Optional<String> message) {
    this(source, testGlob, permitted, required, finalVerdicts, scoreMin, scoreMax, message, false);
  }

  /**
   * Whether the rule applies to the test case or group {@code name} (its path under {@code data/}):
   * always for an empty glob, else when the name or one of its parent groups matches.
   */
  public boolean appliesTo(String name) {
    return testFilter().test(name);
  }

  /**
   * {@link #appliesTo} with the glob compiled once, for checking many tests against this rule:
   * compiling expands braces and builds regexes, too much to repeat per test.
   */
  public Predicate<String> testFilter() {
    if (testGlob.isEmpty()) {
      return name -> true;
    }
    return Glob.of(testGlob)::matches;
  }
}
