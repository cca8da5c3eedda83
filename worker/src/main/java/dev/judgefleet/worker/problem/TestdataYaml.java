package dev.judgefleet.worker.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A legacy {@code testdata.yaml}: how a test data group (and, key by key, every group below it that
 * does not set the key itself) is judged and graded. Everything problemtools' default grader
 * honours is honoured ({@link LegacyGrading}): {@code on_reject}, the verdict and score modes and
 * flags of {@code grader_flags}, {@code accept_score}, {@code reject_score} and {@code range}. Only
 * custom graders ({@code grading: custom}) are refused.
 */
final class TestdataYaml {
  static final String FILE = "testdata.yaml";

  private static final Set<String> KEYS =
      Set.of(
          "on_reject",
          "grading",
          "grader_flags",
          "input_validator_flags",
          "output_validator_flags",
          "accept_score",
          "reject_score",
          "range");

  private static final Set<String> NEUTRAL_GRADER_FLAGS =
      Set.of(
          "worst_error", "first_error", "always_accept", "accept_if_any_accepted", "ignore_sample");

  private TestdataYaml() {}

  static GroupConfig read(YamlMap yaml, boolean scoring) {
    yaml.warnUnknownKeys(KEYS);
    yaml.string("on_reject")
        .filter(v -> !v.equals("break") && !v.equals("continue"))
        .ifPresent(
            v -> {
              throw yaml.error(
                  "on_reject", "must be break or continue", yaml.value("on_reject").get());
            });
    Optional<String> grading = yaml.string("grading");
    if (grading.isPresent() && grading.get().equals("custom")) {
      throw yaml.error("grading", "custom is not supported by this judge (no custom graders)");
    }
    if (grading.isPresent() && !grading.get().equals("default")) {
      throw yaml.error("grading", "must be default or custom", yaml.value("grading").get());
    }
    Optional<List<String>> flags = yaml.words("grader_flags");
    Optional<Aggregation> aggregation = graderFlags(yaml, flags.orElse(List.of()));
    Optional<Double> acceptScore = yaml.number("accept_score");
    Optional<Double> rejectScore = yaml.number("reject_score");
    Optional<double[]> range = range(yaml);
    if (!scoring) {
      for (String key : List.of("accept_score", "reject_score", "range")) {
        if (yaml.has(key)) {
          yaml.warnKey(key, "only matters for scoring problems");
        }
      }
    }
    yaml.value("input_validator_flags")
        .filter(v -> !v.isTextual() && !v.isObject())
        .ifPresent(
            v -> {
              throw yaml.error("input_validator_flags", "must be a string or a map", v);
            });
    LegacyGroupKeys legacy =
        new LegacyGroupKeys(
            Optional.of(yaml.file()),
            yaml.string("on_reject").map(v -> v.equals("break")),
            flags,
            acceptScore,
            rejectScore,
            range);
    return new GroupConfig(
        Optional.of(yaml.file()),
        Optional.empty(),
        validatorFlags(yaml),
        aggregation,
        range.map(r -> r[1]),
        List.of(),
        acceptScore,
        legacy);
  }

  /**
   * The score mode as an aggregation, for what the groups show ({@code avg} and {@code max} are
   * graded by {@link LegacyGrading}, and show as sums); "if multiple conflicting modes are given,
   * the last one is used". Unknown flags are warned about.
   */
  private static Optional<Aggregation> graderFlags(YamlMap yaml, List<String> flags) {
    Optional<Aggregation> mode = Optional.empty();
    for (String flag : flags) {
      switch (flag) {
        case "sum", "avg", "max" -> mode = Optional.of(Aggregation.SUM);
        case "min" -> mode = Optional.of(Aggregation.MIN);
        default -> {
          if (!NEUTRAL_GRADER_FLAGS.contains(flag)) {
            yaml.warnKey("grader_flags", "unknown flag \"" + flag + "\", ignored");
          }
        }
      }
    }
    return mode;
  }

  /** A string of flags, or a map with {@code name} and {@code flags}. */
  private static Optional<List<String>> validatorFlags(YamlMap yaml) {
    String key = "output_validator_flags";
    Optional<JsonNode> value = yaml.value(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get().isObject()) {
      YamlMap map = yaml.map(key).orElseThrow();
      map.warnUnknownKeys(Set.of("name", "flags"));
      return Optional.of(map.words("flags").orElse(List.of()));
    }
    return yaml.words(key);
  }

  /** {@code range: "A B"}: the lowest and the highest score the group may get. */
  private static Optional<double[]> range(YamlMap yaml) {
    return yaml.string("range")
        .map(
            text -> {
              List<String> ends = YamlMap.splitWords(text);
              if (ends.size() != 2) {
                throw yaml.error(
                    "range", "must be two numbers such as \"0 100\"", yaml.value("range").get());
              }
              double low = parseEnd(yaml, ends.get(0));
              double high = parseEnd(yaml, ends.get(1));
              if (low > high) {
                throw yaml.error(
                    "range", "must not end below its start", yaml.value("range").get());
              }
              return new double[] {low, high};
            });
  }

  private static double parseEnd(YamlMap yaml, String end) {
    switch (end) {
      case "inf", "+inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf" -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> {
        try {
          return Double.parseDouble(end);
        } catch (NumberFormatException e) {
          throw yaml.error(
              "range", "must be two numbers such as \"0 100\"", yaml.value("range").get());
        }
      }
    }
  }
}
