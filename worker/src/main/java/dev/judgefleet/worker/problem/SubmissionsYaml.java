package dev.judgefleet.worker.problem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.judgefleet.worker.problem.ReferenceSubmission.TimeLimitUse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code submissions/submissions.yaml} (2025-09 "Example submissions"): rules keyed by a glob over
 * the submissions' paths, each with optional rules for a subset of the test data under keys that
 * are test globs ({@code secret/group1}, {@code secret/*-hard}).
 */
final class SubmissionsYaml {
  static final String FILE = "submissions.yaml";

  private static final Set<String> RULE_KEYS =
      Set.of("permitted", "required", "score", "message", "use_for_time_limit");
  private static final Set<String> META_KEYS =
      Set.of("language", "entrypoint", "authors", "model_solution");

  /**
   * One top-level key.
   *
   * @param glob the key, as a glob over submission paths
   * @param folderOverride the key names a known folder, so its rules override that folder's default
   *     rather than add to it
   * @param rules its rules: the one for all tests first, then one per test glob, in file order
   */
  record Entry(
      Glob glob,
      boolean folderOverride,
      List<SubmissionRule> rules,
      Optional<String> language,
      Optional<String> entrypoint) {
    Entry {
      rules = List.copyOf(rules);
    }

    String key() {
      return glob.pattern();
    }

    /** The rule for all tests (possibly without constraints). */
    SubmissionRule wholeRule() {
      return rules.get(0);
    }

    List<SubmissionRule> testGlobRules() {
      return rules.subList(1, rules.size());
    }
  }

  private SubmissionsYaml() {}

  static List<Entry> read(YamlMap yaml, ProblemType type) {
    List<Entry> entries = new ArrayList<>();
    for (String key : yaml.keys()) {
      YamlMap entry =
          yaml.map(key).orElseThrow(() -> yaml.error(key, "must be a map of rules, got nothing"));
      String source = "submissions.yaml \"" + key + "\"";
      List<SubmissionRule> rules = new ArrayList<>();
      rules.add(rule(entry, type, source, ""));
      for (String inner : entry.keys()) {
        if (RULE_KEYS.contains(inner) || META_KEYS.contains(inner)) {
          continue;
        }
        if (isTestGlob(entry, inner)) {
          YamlMap forTests =
              entry
                  .map(inner)
                  .orElseThrow(() -> entry.error(inner, "must be a map of rules, got nothing"));
          forTests.warnUnknownKeys(RULE_KEYS);
          rules.add(rule(forTests, type, source, inner));
        } else {
          entry.warnKey(
              inner,
              "unknown key (neither a rule nor a test glob under sample or secret), ignored");
        }
      }
      entries.add(
          new Entry(
              glob(yaml, key),
              DefaultFolders.known(key),
              rules,
              entry.string("language"),
              entry.string("entrypoint")));
    }
    return entries;
  }

  private static SubmissionRule rule(
      YamlMap map, ProblemType type, String source, String testGlob) {
    Optional<Double> scoreMin = Optional.empty();
    Optional<Double> scoreMax = Optional.empty();
    Optional<JsonNode> score = map.value("score");
    if (score.isPresent()) {
      double[] range = scoreRange(map, score.get());
      if (type.scoring()) {
        scoreMin = Optional.of(range[0]);
        scoreMax = Optional.of(range[1]);
      } else {
        map.warnKey("score", "only for scoring problems, ignored");
      }
    }
    return new SubmissionRule(
        source,
        testGlob,
        verdicts(map, "permitted"),
        verdicts(map, "required"),
        Set.of(),
        scoreMin,
        scoreMax,
        map.string("message"),
        useForTimeLimit(map),
        false);
  }

  private static Optional<Set<String>> verdicts(YamlMap map, String key) {
    return map.stringList(key)
        .map(
            list -> {
              if (list.isEmpty()) {
                throw map.error(key, "must not be empty");
              }
              Set<String> codes = new LinkedHashSet<>();
              for (String item : list) {
                String code = item.strip().toUpperCase(Locale.ROOT);
                if (!SubmissionRule.VERDICTS.contains(code)) {
                  throw map.error(
                      key,
                      "must list verdicts among AC, WA, TLE, RTE (and our MLE, OLE, PE, CE), got \""
                          + item
                          + "\"");
                }
                codes.add(code);
              }
              return codes;
            });
  }

  /** A number, or a list of two: the inclusive range of the score. */
  private static double[] scoreRange(YamlMap map, JsonNode score) {
    if (score.isNumber()) {
      return new double[] {score.doubleValue(), score.doubleValue()};
    }
    if (score.isArray()
        && score.size() == 2
        && score.get(0).isNumber()
        && score.get(1).isNumber()
        && score.get(0).doubleValue() <= score.get(1).doubleValue()) {
      return new double[] {score.get(0).doubleValue(), score.get(1).doubleValue()};
    }
    throw map.error("score", "must be a number or a list of two numbers, low first", score);
  }

  private static Optional<TimeLimitUse> useForTimeLimit(YamlMap map) {
    String key = "use_for_time_limit";
    return map.value(key)
        .flatMap(
            v -> {
              if (v.isBoolean()) {
                return v.booleanValue() ? Optional.empty() : Optional.of(TimeLimitUse.NONE);
              }
              if (v.isTextual() && v.asText().equals("lower")) {
                return Optional.of(TimeLimitUse.LOWER);
              }
              if (v.isTextual() && v.asText().equals("upper")) {
                return Optional.of(TimeLimitUse.UPPER);
              }
              throw map.error(key, "must be true, false, lower or upper", v);
            });
  }

  /** A key inside an entry is a test glob when each alternative starts at sample or secret. */
  private static boolean isTestGlob(YamlMap entry, String key) {
    List<String> alternatives;
    try {
      alternatives = Glob.expandBraces(key);
    } catch (IllegalArgumentException e) {
      throw entry.error(key, e.getMessage());
    }
    for (String alternative : alternatives) {
      Glob top = Glob.of(alternative.split("/", 2)[0]);
      if (!top.matchesExactly("sample") && !top.matchesExactly("secret")) {
        return false;
      }
    }
    return true;
  }

  private static Glob glob(YamlMap yaml, String key) {
    try {
      return Glob.of(key);
    } catch (IllegalArgumentException e) {
      throw yaml.error(key, e.getMessage());
    }
  }
}
