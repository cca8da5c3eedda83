package dev.judgefleet.worker.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code problem.yaml} says, for every format version.
 *
 * @param format the declared format
 * @param name the English name, else the first one given, else the problem's id
 * @param type the problem type ({@code type}, or legacy {@code validation})
 * @param legacyCustomValidation a legacy {@code validation: custom ...}: the package must have an
 *     output validator under {@code output_validators/}. Always false for 2023-07 and later, where
 *     having {@code output_validator/} is what makes validation custom
 * @param validatorArgs legacy {@code validator_flags}, split on whitespace
 * @param limits the limits, system defaults filled in; the time limit only if problem.yaml sets it
 * @param constants {@code constants} (2023-07 and 2025-09; legacy has none)
 */
record ProblemYaml(
    PackageFormat format,
    String name,
    ProblemType type,
    boolean legacyCustomValidation,
    List<String> validatorArgs,
    ProblemLimits limits,
    Constants constants) {

  static final String FILE = "problem.yaml";

  /** 2023-07-draft and 2025-09 share their top-level keys. */
  private static final Set<String> KEYS =
      Set.of(
          "problem_format_version",
          "type",
          "name",
          "uuid",
          "version",
          "credits",
          "source",
          "license",
          "rights_owner",
          "embargo_until",
          "limits",
          "keywords",
          "languages",
          "allow_file_writing",
          "constants");

  private static final Set<String> LEGACY_KEYS =
      Set.of(
          "problem_format_version",
          "type",
          "name",
          "uuid",
          "author",
          "source",
          "source_url",
          "license",
          "rights_owner",
          "limits",
          "validation",
          "validator_flags",
          "grading",
          "keywords");

  private static final Set<String> LEGACY_VALIDATION_FLAGS =
      Set.of("interactive", "score", "multi-pass");

  ProblemYaml {
    validatorArgs = List.copyOf(validatorArgs);
  }

  static ProblemYaml read(PackageFiles files) {
    LoadReport report = files.report();
    Optional<PackageEntry> entry = files.find(FILE);
    if (entry.isEmpty()) {
      // DOMjudge packages may carry only domjudge-problem.ini; judge them as legacy.
      report.warn(FILE + ": missing, read as a legacy package with default settings");
      return new ProblemYaml(
          PackageFormat.LEGACY,
          report.problem(),
          ProblemType.PASS_FAIL,
          false,
          List.of(),
          LimitsYaml.read(Optional.empty(), PackageFormat.LEGACY, ProblemType.PASS_FAIL),
          Constants.NONE);
    }
    YamlMap yaml = YamlMap.read(files, entry.get());
    PackageFormat format = format(yaml);
    boolean legacy = format == PackageFormat.LEGACY;
    yaml.warnUnknownKeys(legacy ? LEGACY_KEYS : KEYS);
    String name = name(yaml, report.problem(), legacy);
    ProblemType declared = type(yaml);
    List<String> validation = legacy ? legacyValidation(yaml) : List.of("default");
    ProblemType type =
        new ProblemType(
            declared.scoring() || validation.contains("score"),
            declared.interactive() || validation.contains("interactive"),
            declared.multiPass() || validation.contains("multi-pass"),
            declared.submitAnswer());
    if (type.submitAnswer() && (type.interactive() || type.multiPass())) {
      throw yaml.error(
          "validation", "an interactive or multi-pass problem cannot be submit-answer");
    }
    if (validation.contains("score") && !declared.scoring()) {
      yaml.warnKey(
          "validation", "\"score\" on a problem whose type is not scoring; judged as scoring");
    }
    if (legacy) {
      yaml.map("grading")
          .flatMap(grading -> grading.string("objective"))
          .filter(objective -> !objective.equals("max"))
          .ifPresent(
              objective ->
                  yaml.warnKey(
                      "grading",
                      "objective " + objective + " is not supported, scores are maximised"));
    }
    List<String> validatorArgs =
        legacy ? yaml.words("validator_flags").orElse(List.of()) : List.of();
    ProblemLimits limits = LimitsYaml.read(yaml.map("limits"), format, type);
    return new ProblemYaml(
        format,
        name,
        type,
        validation.get(0).equals("custom"),
        validatorArgs,
        limits,
        legacy ? Constants.NONE : ConstantsYaml.read(yaml));
  }

  private static PackageFormat format(YamlMap yaml) {
    String key = "problem_format_version";
    Optional<JsonNode> value = yaml.value(key);
    if (value.isEmpty()) {
      return PackageFormat.LEGACY;
    }
    if (!value.get().isTextual()) {
      throw yaml.error(key, "must be a string such as \"2025-09\"", value.get());
    }
    String version = value.get().asText().strip();
    if (version.equals("2025-09")) {
      return PackageFormat.V2025_09;
    }
    if (version.equals("legacy") || version.equals("legacy-icpc")) {
      return PackageFormat.LEGACY;
    }
    if (version.equals("draft") || version.endsWith("-draft")) {
      return PackageFormat.V2023_07;
    }
    throw yaml.error(
        key,
        "must be 2025-09, 2023-07-draft (or another draft), legacy or legacy-icpc",
        value.get());
  }

  private static String name(YamlMap yaml, String id, boolean legacy) {
    Optional<JsonNode> value = yaml.value("name");
    if (value.isEmpty()) {
      if (!legacy) {
        yaml.warnKey("name", "missing, the problem is named " + id);
      }
      return id;
    }
    JsonNode name = value.get();
    if (name.isObject()) {
      if (name.isEmpty()) {
        return id;
      }
      JsonNode english = name.has("en") ? name.get("en") : name.elements().next();
      if (!english.isValueNode() || english.isNull()) {
        throw yaml.error("name", "must map languages to strings", name);
      }
      return english.asText();
    }
    return yaml.string("name").orElse(id);
  }

  /**
   * {@code type}: a string or a sequence of strings. A string may name several types separated by
   * spaces ({@code pass-fail submit-answer}, {@code interactive multi-pass}), as the format's own
   * examples and BAPCtools' templates write it.
   */
  private static ProblemType type(YamlMap yaml) {
    List<String> values = new ArrayList<>();
    for (String value : yaml.stringOrList("type").orElse(List.of("pass-fail"))) {
      values.addAll(YamlMap.splitWords(value));
    }
    if (values.isEmpty()) {
      throw yaml.error("type", "must not be empty");
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String value : values) {
      switch (value) {
        case "pass-fail", "scoring", "multi-pass", "interactive", "submit-answer" -> {
          if (!seen.add(value)) {
            yaml.warnKey("type", "\"" + value + "\" is given twice");
          }
        }
        default ->
            throw yaml.error(
                "type",
                "must be pass-fail, scoring, multi-pass, interactive or submit-answer, got \""
                    + value
                    + "\"");
      }
    }
    if (seen.contains("pass-fail") && seen.contains("scoring")) {
      throw yaml.error("type", "cannot be both pass-fail and scoring");
    }
    if (seen.contains("submit-answer")
        && (seen.contains("multi-pass") || seen.contains("interactive"))) {
      throw yaml.error("type", "submit-answer cannot be multi-pass or interactive");
    }
    return new ProblemType(
        seen.contains("scoring"),
        seen.contains("interactive"),
        seen.contains("multi-pass"),
        seen.contains("submit-answer"));
  }

  /** Legacy {@code validation}: {@code default}, or {@code custom} and some flags. */
  private static List<String> legacyValidation(YamlMap yaml) {
    List<String> words = yaml.words("validation").orElse(List.of("default"));
    if (words.isEmpty()) {
      return List.of("default");
    }
    String mode = words.get(0);
    if (!mode.equals("default") && !mode.equals("custom")) {
      throw yaml.error(
          "validation",
          "must start with default or custom, got \"" + String.join(" ", words) + "\"");
    }
    List<String> flags = new ArrayList<>(words.subList(1, words.size()));
    if (mode.equals("default") && !flags.isEmpty()) {
      throw yaml.error(
          "validation",
          "\"" + String.join(" ", words) + "\": " + flags + " need a custom output validator");
    }
    for (String flag : flags) {
      if (!LEGACY_VALIDATION_FLAGS.contains(flag)) {
        throw yaml.error(
            "validation",
            "\""
                + String.join(" ", words)
                + "\": unknown flag \""
                + flag
                + "\" (known: interactive, score, multi-pass)");
      }
    }
    return words;
  }
}
