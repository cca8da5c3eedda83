package dev.judgefleet.worker.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * problem.yaml's {@code constants} (2025-09 "Constants"): names to a scalar, or to a map with a
 * {@code value} and variants ({@code tex: 5,000,000}). A number keeps the text the file wrote.
 *
 * <p>A constant the format does not allow (a bad name, no {@code value}, a list) is left out with a
 * warning rather than failing the package, as BAPCtools, which writes these packages, does: a
 * sequence naming it stays as it is. The format asks tools to warn when a variant seems to spell
 * another number than {@code value}; spellings of numbers this reader knows are checked.
 */
final class ConstantsYaml {
  private static final String KEY = "constants";

  /** A thousands separator: a comma followed by exactly three digits. */
  private static final Pattern GROUPING_COMMA = Pattern.compile(",(?=[0-9]{3}(?![0-9]))");

  private static final Pattern PLAIN = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final Pattern POWER =
      Pattern.compile("(?:([+-]?[0-9]+(?:\\.[0-9]+)?)\\*)?10(?:\\^|\\*\\*)([+-]?[0-9]{1,4})");

  private ConstantsYaml() {}

  static Constants read(YamlMap problemYaml) {
    Optional<YamlMap> constants = problemYaml.map(KEY);
    if (constants.isEmpty()) {
      return Constants.NONE;
    }
    YamlMap yaml = constants.get();
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    for (String name : yaml.keys()) {
      if (!Constants.NAME.matcher(name).matches()) {
        yaml.warnKey(name, "not a constant's name ([a-zA-Z_][a-zA-Z0-9_]*), left out");
        continue;
      }
      JsonNode node = yaml.value(name).orElse(null);
      if (isScalar(node)) {
        values.put(name, Map.of("value", node.asText()));
      } else if (node != null && node.isObject()) {
        variants(yaml.map(name).orElseThrow()).ifPresent(v -> values.put(name, v));
      } else {
        yaml.warnKey(name, "must be a number, a string, or a map with value; left out");
      }
    }
    return new Constants(values);
  }

  /** A constant given as a map: its variants, {@code value} first; empty if it has no value. */
  private static Optional<Map<String, String>> variants(YamlMap constant) {
    if (!constant.value("value").filter(ConstantsYaml::isScalar).isPresent()) {
      constant.warnKey("value", "missing, or not a number or a string; the constant is left out");
      return Optional.empty();
    }
    String value = constant.value("value").get().asText();
    Map<String, String> variants = new LinkedHashMap<>();
    variants.put("value", value);
    Optional<BigDecimal> number = number(value);
    for (String variant : constant.keys()) {
      if (variant.equals("value")) {
        continue;
      }
      Optional<JsonNode> node = constant.value(variant);
      if (!Constants.NAME.matcher(variant).matches()
          || !node.filter(ConstantsYaml::isScalar).isPresent()) {
        constant.warnKey(variant, "not a variant (a name with a number or a string), left out");
        continue;
      }
      String text = node.get().asText();
      variants.put(variant, text);
      Optional<BigDecimal> spelled = number(text);
      if (number.isPresent() && spelled.isPresent() && number.get().compareTo(spelled.get()) != 0) {
        constant.warnKey(variant, "\"" + text + "\" looks like another number than value " + value);
      }
    }
    return Optional.of(variants);
  }

  private static boolean isScalar(JsonNode node) {
    return node != null && (node.isTextual() || node.isNumber());
  }

  /**
   * The number a text spells, if it is one of the usual spellings: {@code 5000000}, {@code 5e6},
   * {@code 5,000,000}, {@code 5\,000\,000}, {@code 5{,}000{,}000}, {@code 5'000'000}, {@code
   * 5_000_000}, {@code 5 \cdot 10^6}, {@code 5 \times 10^{6}}, {@code 10^6}, optionally in {@code
   * $...$}.
   */
  static Optional<BigDecimal> number(String text) {
    String s =
        text.replace("$", "")
            .replace("\\cdot", "*")
            .replace("\\times", "*")
            .replace("\u00d7", "*")
            .replace("\u00b7", "*")
            .replace("{,}", ",")
            .replace("\\,", "")
            .replace("\\ ", "")
            .replace("{", "")
            .replace("}", "")
            .replaceAll("[\\s~'_\u2009\u202f\u00a0]", "");
    s = GROUPING_COMMA.matcher(s).replaceAll("");
    try {
      if (PLAIN.matcher(s).matches()) {
        return Optional.of(new BigDecimal(s));
      }
      Matcher power = POWER.matcher(s);
      if (power.matches()) {
        BigDecimal factor =
            power.group(1) == null ? BigDecimal.ONE : new BigDecimal(power.group(1));
        return Optional.of(factor.scaleByPowerOfTen(Integer.parseInt(power.group(2))));
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // An exponent beyond what BigDecimal holds: not a spelling worth comparing.
    }
    return Optional.empty();
  }
}
