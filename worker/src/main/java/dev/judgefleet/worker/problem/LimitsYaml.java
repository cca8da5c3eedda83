package dev.judgefleet.worker.problem;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code limits} map of problem.yaml, with the spec's defaults and the "typical system
 * defaults" (2025-09 "Limits"; legacy "Limits") filled in.
 */
final class LimitsYaml {
  static final long MEMORY_MIB = 2048;
  static final long OUTPUT_MIB = 8;
  static final long CODE_KIB = 128;
  static final long COMPILATION_SECONDS = 60;
  static final long COMPILATION_MEMORY_MIB = 2048;
  static final long VALIDATION_SECONDS = 60;
  static final long VALIDATION_MEMORY_MIB = 2048;
  static final long VALIDATION_OUTPUT_MIB = 8;
  static final int VALIDATION_PASSES = 2;
  static final double AC_TO_TIME_LIMIT = 2.0;
  static final double TIME_LIMIT_TO_TLE = 1.5;
  static final double LEGACY_TIME_MULTIPLIER = 5;
  static final double LEGACY_TIME_SAFETY_MARGIN = 2;
  static final double TIME_RESOLUTION_SECONDS = 1.0;

  static final String TIME_LIMIT_SOURCE = "problem.yaml limits.time_limit";

  private static final Set<String> SHARED_KEYS =
      Set.of(
          "memory",
          "output",
          "code",
          "compilation_time",
          "compilation_memory",
          "validation_time",
          "validation_memory",
          "validation_output",
          "validation_passes");

  private static final Set<String> KEYS =
      YamlMap.union(SHARED_KEYS, Set.of("time_multipliers", "time_limit", "time_resolution"));

  /**
   * Legacy has no {@code validation_passes}, but legacy multi-pass packages ({@code validation:
   * custom multi-pass}) need it, so it is read there too.
   */
  private static final Set<String> LEGACY_KEYS =
      YamlMap.union(SHARED_KEYS, Set.of("time_multiplier", "time_safety_margin"));

  private LimitsYaml() {}

  static ProblemLimits read(Optional<YamlMap> limitsMap, PackageFormat format, ProblemType type) {
    boolean legacy = format == PackageFormat.LEGACY;
    if (limitsMap.isEmpty()) {
      return defaults(legacy);
    }
    YamlMap limits = limitsMap.get();
    limits.warnUnknownKeys(legacy ? LEGACY_KEYS : KEYS);

    Optional<Duration> timeLimit = Optional.empty();
    double acToTimeLimit;
    double timeLimitToTle;
    Duration timeResolution = seconds(TIME_RESOLUTION_SECONDS);
    if (legacy) {
      acToTimeLimit = limits.positiveNumber("time_multiplier").orElse(LEGACY_TIME_MULTIPLIER);
      timeLimitToTle =
          limits.positiveNumber("time_safety_margin").orElse(LEGACY_TIME_SAFETY_MARGIN);
    } else {
      timeLimit = limits.positiveNumber("time_limit").map(LimitsYaml::seconds);
      timeResolution =
          seconds(limits.positiveNumber("time_resolution").orElse(TIME_RESOLUTION_SECONDS));
      Optional<YamlMap> multipliers = limits.map("time_multipliers");
      multipliers.ifPresent(
          m -> m.warnUnknownKeys(Set.of("ac_to_time_limit", "time_limit_to_tle")));
      acToTimeLimit =
          multipliers.flatMap(m -> m.numberAtLeast("ac_to_time_limit", 1)).orElse(AC_TO_TIME_LIMIT);
      timeLimitToTle =
          multipliers
              .flatMap(m -> m.numberAtLeast("time_limit_to_tle", 1))
              .orElse(TIME_LIMIT_TO_TLE);
    }
    Optional<Long> passes = limits.integerAtLeast("validation_passes", 2);
    if (passes.isPresent() && !type.multiPass()) {
      limits.warnKey("validation_passes", "only matters for multi-pass problems");
    }
    if (passes.isPresent() && passes.get() > Integer.MAX_VALUE) {
      throw limits.error("validation_passes", "is too large: " + passes.get());
    }
    return new ProblemLimits(
        timeLimit,
        timeLimit.isPresent() ? TIME_LIMIT_SOURCE : "",
        acToTimeLimit,
        timeLimitToTle,
        timeResolution,
        mib(limits, "memory", MEMORY_MIB),
        mib(limits, "output", OUTPUT_MIB),
        kib(limits, "code", CODE_KIB),
        Duration.ofSeconds(
            limits.integerAtLeast("compilation_time", 1).orElse(COMPILATION_SECONDS)),
        mib(limits, "compilation_memory", COMPILATION_MEMORY_MIB),
        Duration.ofSeconds(limits.integerAtLeast("validation_time", 1).orElse(VALIDATION_SECONDS)),
        mib(limits, "validation_memory", VALIDATION_MEMORY_MIB),
        mib(limits, "validation_output", VALIDATION_OUTPUT_MIB),
        passes.map(Long::intValue).orElse(VALIDATION_PASSES));
  }

  static ProblemLimits defaults(boolean legacy) {
    return new ProblemLimits(
        Optional.empty(),
        "",
        legacy ? LEGACY_TIME_MULTIPLIER : AC_TO_TIME_LIMIT,
        legacy ? LEGACY_TIME_SAFETY_MARGIN : TIME_LIMIT_TO_TLE,
        seconds(TIME_RESOLUTION_SECONDS),
        MEMORY_MIB * LoadLimits.MIB,
        OUTPUT_MIB * LoadLimits.MIB,
        CODE_KIB * 1024,
        Duration.ofSeconds(COMPILATION_SECONDS),
        COMPILATION_MEMORY_MIB * LoadLimits.MIB,
        Duration.ofSeconds(VALIDATION_SECONDS),
        VALIDATION_MEMORY_MIB * LoadLimits.MIB,
        VALIDATION_OUTPUT_MIB * LoadLimits.MIB,
        VALIDATION_PASSES);
  }

  static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }

  private static long mib(YamlMap limits, String key, long defaultMib) {
    return bytes(limits, key, defaultMib, LoadLimits.MIB);
  }

  private static long kib(YamlMap limits, String key, long defaultKib) {
    return bytes(limits, key, defaultKib, 1024);
  }

  private static long bytes(YamlMap limits, String key, long defaultValue, long unit) {
    long value = limits.integerAtLeast(key, 1).orElse(defaultValue);
    try {
      return Math.multiplyExact(value, unit);
    } catch (ArithmeticException e) {
      throw limits.error(key, "is too large: " + value);
    }
  }
}
