package dev.judgefleet.worker.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * problem.yaml's {@code constants} (2025-09 "Constants"): a constant sequence {@code {{name}}} or
 * {@code {{name.variant}}} becomes the constant's {@code value} or that variant. The format
 * replaces them in output validators, included files, example submissions and {@code
 * test_group.yaml}; BAPCtools also in generators and generators.yaml's commands. Never in test data
 * or problem.yaml. A sequence naming no constant or variant stays as it is, as the format says.
 *
 * @param values each constant's variants by name, {@code value} among them, by constant name
 */
public record Constants(Map<String, Map<String, String>> values) {
  public static final Constants NONE = new Constants(Map.of());

  /** A constant's or a variant's name (2025-09, and BAPCtools for variants). */
  static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private static final Pattern SEQUENCE =
      Pattern.compile("\\{\\{(" + NAME + ")(?:\\.(" + NAME + "))?\\}\\}");

  public Constants {
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    values.forEach(
        (name, variants) -> {
          if (!NAME.matcher(name).matches() || !variants.containsKey("value")) {
            throw new IllegalArgumentException("constant " + name + ": " + variants);
          }
          copy.put(name, Map.copyOf(variants));
        });
    values = Map.copyOf(copy);
  }

  /** {@code text} with its constant sequences replaced. */
  public String apply(String text) {
    return replace(text, UnaryOperator.identity());
  }

  /**
   * {@code bytes} with its constant sequences replaced, every other byte kept as it was: a file
   * that is not UTF-8 (or not text) passes through untouched. The bytes are read as ISO-8859-1,
   * which maps each byte to one char, and a value goes in as its UTF-8 bytes.
   */
  public byte[] apply(byte[] bytes) {
    if (values.isEmpty()) {
      return bytes;
    }
    String latin = new String(bytes, StandardCharsets.ISO_8859_1);
    String replaced =
        replace(
            latin,
            value ->
                new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    return replaced == latin ? bytes : replaced.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** {@code text} with each known sequence replaced by its value, encoded; itself if none. */
  private String replace(String text, UnaryOperator<String> encode) {
    if (values.isEmpty() || !text.contains("{{")) {
      return text;
    }
    Matcher m = SEQUENCE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    boolean replacedAny = false;
    while (m.find()) {
      Map<String, String> constant = values.get(m.group(1));
      String value =
          constant == null ? null : constant.get(m.group(2) == null ? "value" : m.group(2));
      replacedAny |= value != null;
      m.appendReplacement(
          out, Matcher.quoteReplacement(value == null ? m.group() : encode.apply(value)));
    }
    m.appendTail(out);
    return replacedAny ? out.toString() : text;
  }
}
