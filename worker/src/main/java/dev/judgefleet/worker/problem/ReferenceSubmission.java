package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A judge's submission under {@code submissions/}, with what it must get.
 *
 * @param name its path relative to {@code submissions/}: {@code accepted/sol.py}
 * @param files its source files (one for a single-file submission)
 * @param language the language id from {@code submissions.yaml}, else empty (from the extension)
 * @param entrypoint the entry point from {@code submissions.yaml}, if any
 * @param expectations every rule that applies to it (its folder's default, then every matching glob
 *     of submissions.yaml; a DOMjudge {@code @EXPECTED_RESULTS@:} tag replaces the folder's)
 * @param timeLimitUse how it bounds a derived time limit
 */
public record ReferenceSubmission(
    String name,
    List<Path> files,
    Optional<String> language,
    Optional<String> entrypoint,
    List<Expectation> expectations,
    TimeLimitUse timeLimitUse) {

  public ReferenceSubmission {
    files = List.copyOf(files);
    expectations = List.copyOf(expectations);
  }

  /** How a reference submission bounds the time limit (2025-09 "Timelimit inference"). */
  public enum TimeLimitUse {
    /** Its slowest run times {@code ac_to_time_limit} is a lower bound (accepted, WA, RTE). */
    LOWER,
    /** Its slowest run divided by {@code time_limit_to_tle} is an upper bound (TLE). */
    UPPER,
    NONE
  }
}
