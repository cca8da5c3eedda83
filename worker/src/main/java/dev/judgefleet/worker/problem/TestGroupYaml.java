package dev.judgefleet.worker.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A 2023-07+ {@code test_group.yaml}. 2025-09 puts {@code max_score}, {@code score_aggregation} and
 * {@code require_pass} at the top; 2023-07-draft put {@code score}, {@code aggregation} and {@code
 * require_pass} under {@code scoring}. A 2023-07-draft package may use either, since the drafts'
 * tools did.
 */
final class TestGroupYaml {
  static final String FILE = "test_group.yaml";

  private static final Set<String> KEYS =
      Set.of(
          "max_score",
          "score_aggregation",
          "static_validation_score",
          "require_pass",
          "args",
          "input_validator_args",
          "static_validator_args",
          "output_validator_args",
          "input_visualizer_args",
          "output_visualizer_args",
          "full_feedback");

  private static final Set<String> DRAFT_KEYS =
      Set.of("scoring", "static_validation", "hint", "description");

  private TestGroupYaml() {}

  static GroupConfig read(YamlMap yaml, PackageFormat format) {
    boolean draft = format == PackageFormat.V2023_07;
    yaml.warnUnknownKeys(draft ? YamlMap.union(KEYS, DRAFT_KEYS) : KEYS);
    Optional<Double> maxScore = maxScore(yaml, "max_score");
    Optional<Aggregation> aggregation = aggregation(yaml, "score_aggregation");
    List<String> requirePass = yaml.stringOrList("require_pass").orElse(List.of());
    Optional<YamlMap> scoring = draft ? yaml.map("scoring") : Optional.empty();
    if (scoring.isPresent()) {
      YamlMap s = scoring.get();
      s.warnUnknownKeys(Set.of("score", "aggregation", "require_pass"));
      maxScore = maxScore.or(() -> maxScore(s, "score"));
      aggregation = aggregation.or(() -> aggregation(s, "aggregation"));
      if (requirePass.isEmpty()) {
        requirePass = s.stringOrList("require_pass").orElse(List.of());
      }
    }
    for (String key : List.of("static_validation_score", "static_validation")) {
      if (yaml.has(key)) {
        yaml.warnKey(key, "static validation is not supported by this judge, ignored");
      }
    }
    yaml.bool("full_feedback");
    return new GroupConfig(
        Optional.of(yaml.file()),
        yaml.stringList("args"),
        yaml.stringList("output_validator_args"),
        aggregation,
        maxScore,
        requirePass,
        Optional.empty(),
        LegacyGroupKeys.NONE);
  }

  /** A non-negative integer or {@code unbounded} (infinity). */
  private static Optional<Double> maxScore(YamlMap yaml, String key) {
    return yaml.value(key)
        .map(
            v -> {
              String text = v.asText().strip();
              if (v.isTextual() && text.equals("unbounded")) {
                return Double.POSITIVE_INFINITY;
              }
              if (isNonNegativeInteger(v, text)) {
                return Double.parseDouble(text);
              }
              throw yaml.error(key, "must be a non-negative integer or unbounded", v);
            });
  }

  /** An integer node, or (2023-07-draft typed it a string) a string of digits. */
  private static boolean isNonNegativeInteger(JsonNode v, String text) {
    return (v.isIntegralNumber() || v.isTextual()) && text.matches("[0-9]{1,15}");
  }

  private static Optional<Aggregation> aggregation(YamlMap yaml, String key) {
    return yaml.string(key)
        .map(
            value ->
                switch (value) {
                  case "pass-fail" -> Aggregation.PASS_FAIL;
                  case "sum" -> Aggregation.SUM;
                  case "min" -> Aggregation.MIN;
                  default ->
                      throw yaml.error(key, "must be pass-fail, sum or min", yaml.value(key).get());
                });
  }
}
