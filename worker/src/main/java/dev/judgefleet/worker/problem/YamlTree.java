package dev.judgefleet.worker.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Parses YAML into a Jackson tree whose scalars keep the text the file wrote.
 *
 * <p>Jackson's own tree turns {@code output_validator_args: [float_tolerance, 1e-6]} into {@code
 * 1.0E-6}, and a YAML 1.1 {@code on} or {@code n} into a boolean: arguments must reach the
 * validator as written. So numbers become nodes that are numbers for type checks but give back
 * their source text, boolean-like words stay strings, and only {@code true}/{@code false} are
 * booleans.
 */
public final class YamlTree {
  /** Far more than any package file needs; a deeper file is an attack on the stack. */
  static final int MAX_DEPTH = 64;

  private static final YAMLFactory FACTORY =
      YAMLFactory.builder().enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build();

  /** A syntax error, or a duplicate key, with where it is. */
  public static final class YamlException extends Exception {
    private static final long serialVersionUID = 1;

    YamlException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final YAMLFactory WRITER =
      YAMLFactory.builder()
          .disable(
              com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .build();

  private YamlTree() {}

  /** The tree as YAML text (a {@code test_group.yaml} that generators.yaml spells out). */
  public static String write(JsonNode node) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper(WRITER).writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a parsed tree always writes: " + e.getMessage(), e);
    }
  }

  /** The document's root, or null for an empty document. */
  public static JsonNode parse(byte[] yaml) throws YamlException {
    try (JsonParser parser = FACTORY.createParser(yaml)) {
      JsonToken first = parser.nextToken();
      return first == null ? null : value(parser, first, 0);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new YamlException(e.getOriginalMessage() + where, e);
    } catch (IOException e) {
      throw new YamlException(e.getMessage(), e);
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token, int depth)
      throws IOException, YamlException {
    if (depth > MAX_DEPTH) {
      throw new YamlException("nested more than " + MAX_DEPTH + " levels deep" + at(parser), null);
    }
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String key = parser.currentName();
          if (object.has(key)) {
            // Which of the two values the setter meant is anyone's guess.
            throw new YamlException("duplicate key \"" + key + "\"" + at(parser), null);
          }
          object.set(key, value(parser, parser.nextToken(), depth + 1));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t, depth + 1));
        }
        return array;
      }
      case VALUE_NUMBER_INT -> {
        return new SourceInteger(parser.getBigIntegerValue(), parser.getText());
      }
      case VALUE_NUMBER_FLOAT -> {
        return new SourceDouble(parser.getDoubleValue(), parser.getText());
      }
      case VALUE_TRUE -> {
        return BooleanNode.TRUE;
      }
      case VALUE_FALSE -> {
        return BooleanNode.FALSE;
      }
      case VALUE_NULL -> {
        return NullNode.getInstance();
      }
      default -> {
        return TextNode.valueOf(parser.getText());
      }
    }
  }

  private static String at(JsonParser parser) {
    JsonLocation location = parser.currentLocation();
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** An integer that reads back as written ({@code 007}, {@code +3}). */
  static final class SourceInteger extends BigIntegerNode {
    private static final long serialVersionUID = 1;
    private final String source;

    SourceInteger(BigInteger value, String source) {
      super(value);
      this.source = source;
    }

    @Override
    public String asText() {
      return source;
    }
  }

  /** A float that reads back as written ({@code 1e-6}, not {@code 1.0E-6}). */
  static final class SourceDouble extends DoubleNode {
    private static final long serialVersionUID = 1;
    private final String source;

    SourceDouble(double value, String source) {
      super(value);
      this.source = source;
    }

    @Override
    public String asText() {
      return source;
    }
  }
}
