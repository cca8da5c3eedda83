package dev.judgefleet.worker.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A YAML mapping of a package file with typed getters whose errors name the problem, the file and
 * the key: {@code limits.time_limit must be a positive number, got "fast"}.
 *
 * <p>The only class that parses YAML. Values are validated by hand rather than bound to classes, so
 * that every message says which key is wrong and what it got.
 */
final class YamlMap {
  private final LoadReport report;
  private final Path file;
  private final String shownFile;
  private final String prefix;
  private final ObjectNode node;

  private YamlMap(LoadReport report, Path file, String shownFile, String prefix, ObjectNode node) {
    this.report = report;
    this.file = file;
    this.shownFile = shownFile;
    this.prefix = prefix;
    this.node = node;
  }

  /** Reads {@code entry}, at most {@link LoadLimits#yamlBytes()}; an empty file is an empty map. */
  static YamlMap read(PackageFiles files, PackageEntry entry) {
    return read(files, entry, Constants.NONE);
  }

  /** {@link #read(PackageFiles, PackageEntry)}, the file's constant sequences replaced first. */
  static YamlMap read(PackageFiles files, PackageEntry entry, Constants constants) {
    Path file = files.pathOf(entry);
    byte[] bytes = constants.apply(files.readCapped(entry, files.limits().yamlBytes()));
    JsonNode root;
    try {
      root = YamlTree.parse(bytes);
    } catch (YamlTree.YamlException e) {
      throw files.report().error(file, "is not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      root = JsonNodeFactory.instance.objectNode();
    }
    if (!root.isObject()) {
      throw files.report().error(file, "must be a map of keys to values, got " + describe(root));
    }
    return new YamlMap(files.report(), file, entry.path(), "", (ObjectNode) root);
  }

  Path file() {
    return file;
  }

  /** Keys in file order. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  /** The raw value for keys that take several shapes (a string or a list, say); empty if null. */
  Optional<JsonNode> value(String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /** A scalar as text (a YAML number or boolean is taken as its text). */
  Optional<String> string(String key) {
    return value(key).map(v -> scalarText(key, v, "must be a string"));
  }

  Optional<Boolean> bool(String key) {
    return value(key)
        .map(
            v -> {
              if (!v.isBoolean()) {
                throw error(key, "must be true or false", v);
              }
              return v.booleanValue();
            });
  }

  /** A finite number above 0. */
  Optional<Double> positiveNumber(String key) {
    return finiteNumber(key, n -> n > 0, "must be a positive number");
  }

  /** A finite number at least {@code min}. */
  Optional<Double> numberAtLeast(String key, double min) {
    return finiteNumber(key, n -> n >= min, "must be a number >= " + trim(min));
  }

  /** Any finite number. */
  Optional<Double> number(String key) {
    return finiteNumber(key, n -> true, "must be a number");
  }

  private Optional<Double> finiteNumber(String key, DoublePredicate allowed, String requirement) {
    return value(key)
        .map(
            v -> {
              if (!v.isNumber()
                  || !Double.isFinite(v.doubleValue())
                  || !allowed.test(v.doubleValue())) {
                throw error(key, requirement, v);
              }
              return v.doubleValue();
            });
  }

  /** An integer at least {@code min}. */
  Optional<Long> integerAtLeast(String key, long min) {
    return value(key)
        .map(
            v -> {
              if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min) {
                throw error(
                    key,
                    min == 1 ? "must be a positive integer" : "must be an integer >= " + min,
                    v);
              }
              return v.longValue();
            });
  }

  /** A sequence of scalars, each taken as text. */
  Optional<List<String>> stringList(String key) {
    return value(key)
        .map(
            v -> {
              if (!v.isArray()) {
                throw error(key, "must be a sequence of strings", v);
              }
              List<String> items = new ArrayList<>();
              for (JsonNode item : v) {
                items.add(scalarText(key, item, "must be a sequence of strings"));
              }
              return items;
            });
  }

  /** A string, or a sequence of strings. */
  Optional<List<String>> stringOrList(String key) {
    return value(key)
        .map(
            v -> {
              if (v.isArray()) {
                return stringList(key).orElseThrow();
              }
              return List.of(scalarText(key, v, "must be a string or a sequence of strings"));
            });
  }

  /** A string split on whitespace (legacy flags such as {@code validator_flags}). */
  Optional<List<String>> words(String key) {
    return string(key).map(YamlMap::splitWords);
  }

  /** A nested map, whose messages name its keys as {@code key.inner}. */
  Optional<YamlMap> map(String key) {
    return value(key)
        .map(
            v -> {
              if (!v.isObject()) {
                throw error(key, "must be a map", v);
              }
              return new YamlMap(report, file, shownFile, prefix + key + ".", (ObjectNode) v);
            });
  }

  /** Known keys from two sets, for {@link #warnUnknownKeys}. */
  static Set<String> union(Set<String> a, Set<String> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
  }

  /** Warns about each key not in {@code known}: tolerated, but the setter should hear of it. */
  void warnUnknownKeys(Set<String> known) {
    for (String key : keys()) {
      if (!known.contains(key)) {
        warnKey(key, "unknown key, ignored");
      }
    }
  }

  /** A warning about {@code key}: {@code data/secret/test_group.yaml: max_score: ...}. */
  void warnKey(String key, String message) {
    report.warn(shownFile + ": " + prefix + key + ": " + message);
  }

  /** {@code limits.time_limit must be a positive number, got "fast"}. */
  ProblemException error(String key, String requirement, JsonNode got) {
    return report.error(file, prefix + key + " " + requirement + ", got " + describe(got));
  }

  /** An error about {@code key} with a message of its own. */
  ProblemException error(String key, String message) {
    return report.error(file, prefix + key + " " + message);
  }

  static List<String> splitWords(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
  }

  private String scalarText(String key, JsonNode v, String requirement) {
    if (!v.isValueNode() || v.isNull()) {
      throw error(key, requirement, v);
    }
    return v.asText();
  }

  private static String describe(JsonNode v) {
    String text = v.isTextual() ? '"' + v.asText() + '"' : v.toString();
    if (v.isArray()) {
      text = "a sequence " + text;
    } else if (v.isObject()) {
      text = "a map " + text;
    }
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
