package dev.judgefleet.worker.problem;

import java.time.Duration;
import java.util.Optional;

/**
 * The limits a package sets, with the format's defaults filled in.
 *
 * @param timeLimit the explicit time limit, if the package has one ({@code limits.time_limit}, a
 *     {@code .timelimit} file, or {@code domjudge-problem.ini}); empty means "derive it from the
 *     accepted reference submissions"
 * @param timeLimitSource where the explicit limit came from, for messages ("problem.yaml
 *     limits.time_limit", ".timelimit", "domjudge-problem.ini"), or "" when derived
 * @param acToTimeLimit the slowest accepted run times this is the lowest allowed time limit (2.0;
 *     legacy: {@code time_multiplier}, 5)
 * @param timeLimitToTle the time limit times this must stay below the fastest TLE submission (1.5;
 *     legacy: {@code time_safety_margin}, 2)
 * @param timeResolution a derived time limit is a multiple of this (1 s)
 * @param memoryBytes the memory limit of a submission's run
 * @param outputBytes the output limit of a submission's run
 * @param codeBytes the largest accepted source
 * @param compilationTime the compiler's CPU limit
 * @param compilationMemoryBytes the compiler's memory limit
 * @param validationTime the output validator's CPU limit
 * @param validationMemoryBytes the output validator's memory limit
 * @param validationOutputBytes the output validator's output limit
 * @param validationPasses the most passes of a multi-pass problem (2)
 */
public record ProblemLimits(
    Optional<Duration> timeLimit,
    String timeLimitSource,
    double acToTimeLimit,
    double timeLimitToTle,
    Duration timeResolution,
    long memoryBytes,
    long outputBytes,
    long codeBytes,
    Duration compilationTime,
    long compilationMemoryBytes,
    Duration validationTime,
    long validationMemoryBytes,
    long validationOutputBytes,
    int validationPasses) {

  /** The 2025-09 format's defaults: what a problem.yaml without {@code limits} gets. */
  public static ProblemLimits formatDefaults() {
    return LimitsYaml.defaults(false);
  }

  /** The same limits with another memory and output limit for the submission's runs. */
  public ProblemLimits withRunLimits(long memory, long output) {
    return new ProblemLimits(
        timeLimit,
        timeLimitSource,
        acToTimeLimit,
        timeLimitToTle,
        timeResolution,
        memory,
        output,
        codeBytes,
        compilationTime,
        compilationMemoryBytes,
        validationTime,
        validationMemoryBytes,
        validationOutputBytes,
        validationPasses);
  }

  /** The same limits with another cap on a submission's source. */
  public ProblemLimits withCodeBytes(long code) {
    return new ProblemLimits(
        timeLimit,
        timeLimitSource,
        acToTimeLimit,
        timeLimitToTle,
        timeResolution,
        memoryBytes,
        outputBytes,
        code,
        compilationTime,
        compilationMemoryBytes,
        validationTime,
        validationMemoryBytes,
        validationOutputBytes,
        validationPasses);
  }

  /** The same limits with an explicit time limit from {@code source}. */
  public ProblemLimits withTimeLimit(Duration limit, String source) {
    return new ProblemLimits(
        Optional.of(limit),
        source,
        acToTimeLimit,
        timeLimitToTle,
        timeResolution,
        memoryBytes,
        outputBytes,
        codeBytes,
        compilationTime,
        compilationMemoryBytes,
        validationTime,
        validationMemoryBytes,
        validationOutputBytes,
        validationPasses);
  }
}
