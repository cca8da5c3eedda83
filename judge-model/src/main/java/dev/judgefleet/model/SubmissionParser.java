package dev.judgefleet.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a submission message from the wire. The steps, in order: refuse an oversized document
 * unread; parse JSON; require an object; read the id if it is well-formed (from here on a failure
 * can be answered with an IE verdict for it); refuse a newer schemaVersion, whose fields may mean
 * something else; bind the fields to {@link Submission}, with no type coercion; validate against
 * the worker's policy.
 *
 * <p>Never throws for bad input: every problem becomes a {@link SubmissionParseResult.Malformed}
 * with a one-line reason that names the field.
 */
public final class SubmissionParser {
  private SubmissionParser() {}

  /** A reason lists at most this many violations: it travels in a DLQ header and a verdict. */
  private static final int MAX_VIOLATIONS_IN_REASON = 20;

  private static final int QUOTED_NUMBER_CHARS = 32;

  private static final ObjectMapper STRICT = strictMapper();

  public static SubmissionParseResult parse(byte[] json, SubmissionPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    if (json == null || json.length == 0) {
      return malformed("the document is empty", Optional.empty());
    }
    if (json.length > policy.maxDocumentBytes()) {
      return malformed(
          "the document is "
              + json.length
              + " bytes, over the limit of "
              + policy.maxDocumentBytes(),
          Optional.empty());
    }
    JsonNode tree;
    try {
      tree = STRICT.readTree(json);
    } catch (IOException notJson) {
      return malformed("not valid JSON: " + syntaxError(notJson), Optional.empty());
    }
    if (tree == null || tree.isMissingNode()) {
      return malformed("the document is empty", Optional.empty());
    }
    if (!tree.isObject()) {
      return malformed(
          "the document is " + describe(tree) + ", not a JSON object", Optional.empty());
    }
    Optional<String> submissionId = wellFormedId(tree);
    JsonNode version = tree.get("schemaVersion");
    if (version != null
        && version.isIntegralNumber()
        && version.bigIntegerValue().compareTo(BigInteger.valueOf(Submission.SCHEMA_VERSION)) > 0) {
      return malformed(SubmissionValidator.newerSchemaVersion(version.asText()), submissionId);
    }
    Submission submission;
    try {
      submission = STRICT.treeToValue(tree, Submission.class);
    } catch (JsonProcessingException wrongType) {
      return malformed(bindingError(wrongType, tree), submissionId);
    } catch (RuntimeException unexpected) {
      // The records accept any content, so this means a Jackson surprise; the contract still
      // holds: bad input is a reason, never an exception in the consumer's poll loop.
      return malformed(
          "cannot read the submission: " + SubmissionValidator.oneLine(unexpected.toString()),
          submissionId);
    }
    List<Violation> violations = SubmissionValidator.validate(submission, policy);
    if (!violations.isEmpty()) {
      return malformed(joined(violations), submissionId);
    }
    return new SubmissionParseResult.Parsed(submission);
  }

  /**
   * WireJson's mapper, made strict for input from producers: a type mistake ({@code "submissionId":
   * 42}, {@code "timeMs": 1.5}, {@code "attempt": "2"}, {@code "submittedAt": 1700000000}) is
   * reported rather than converted, a repeated field is an error rather than "the last one wins"
   * (two readers could disagree on which submission this is), and text after the document is an
   * error.
   */
  private static ObjectMapper strictMapper() {
    ObjectMapper mapper = WireJson.mapper();
    mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    for (CoercionInputShape scalar :
        List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
    }
    for (CoercionInputShape text :
        List.of(CoercionInputShape.String, CoercionInputShape.EmptyString)) {
      mapper.coercionConfigFor(LogicalType.Integer).setCoercion(text, CoercionAction.Fail);
    }
    mapper.registerModule(
        new SimpleModule("strict-instants")
            .addDeserializer(Instant.class, new InstantFromTextOnly()));
    return mapper;
  }

  /** JavaTimeModule also reads numbers as epoch seconds; the wire says ISO-8601 text. */
  private static final class InstantFromTextOnly extends StdScalarDeserializer<Instant> {
    InstantFromTextOnly() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
      }
      return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
  }

  private static Optional<String> wellFormedId(JsonNode document) {
    JsonNode id = document.get("submissionId");
    return id != null && id.isTextual() && SubmissionValidator.isWellFormedId(id.textValue())
        ? Optional.of(id.textValue())
        : Optional.empty();
  }

  private static String syntaxError(IOException error) {
    if (!(error instanceof JsonProcessingException json)) {
      return SubmissionValidator.oneLine(error.getMessage());
    }
    // Jackson names a redacted source inside start-marker locations; it says nothing here.
    String reason =
        SubmissionValidator.oneLine(json.getOriginalMessage())
            .replaceAll("\\[Source: [^;\\]]*; ", "[");
    JsonLocation at = json.getLocation();
    return at == null || at.getLineNr() < 1
        ? reason
        : reason + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /** "files[0].name must be a string, not 3", from Jackson's error and the parsed document. */
  private static String bindingError(JsonProcessingException error, JsonNode document) {
    if (!(error instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return "cannot read the submission: "
          + SubmissionValidator.oneLine(error.getOriginalMessage());
    }
    String field = jsonPath(mapping.getPath());
    JsonNode actual = nodeAt(document, mapping.getPath());
    if (causedBy(error, InputCoercionException.class)) {
      return field + " " + describe(actual) + " is out of range";
    }
    Class<?> expected =
        error instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    return expected == null
        ? field + " cannot be " + describe(actual)
        : field + " must be " + describeType(expected) + ", not " + describe(actual);
  }

  private static String jsonPath(List<JsonMappingException.Reference> path) {
    StringBuilder json = new StringBuilder();
    for (JsonMappingException.Reference step : path) {
      if (step.getFieldName() != null) {
        json.append(json.isEmpty() ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        json.append('[').append(step.getIndex()).append(']');
      }
    }
    return json.toString();
  }

  private static JsonNode nodeAt(JsonNode document, List<JsonMappingException.Reference> path) {
    JsonNode node = document;
    for (JsonMappingException.Reference step : path) {
      node =
          step.getFieldName() != null ? node.path(step.getFieldName()) : node.path(step.getIndex());
    }
    return node;
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private static String describeType(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == Instant.class) {
      return "an ISO-8601 instant such as 2025-03-14T09:26:53Z";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "a " + type.getSimpleName();
  }

  private static String describe(JsonNode node) {
    if (node.isMissingNode()) {
      return "missing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return SubmissionValidator.quote(node.textValue());
    }
    if (node.isNumber()) {
      String number = node.asText();
      return number.length() <= QUOTED_NUMBER_CHARS
          ? number
          : number.substring(0, QUOTED_NUMBER_CHARS) + "…";
    }
    if (node.isBoolean()) {
      return node.asText();
    }
    return node.isArray() ? "an array" : "an object";
  }

  private static String joined(List<Violation> violations) {
    String listed =
        violations.stream()
            .limit(MAX_VIOLATIONS_IN_REASON)
            .map(Violation::message)
            .collect(Collectors.joining("; "));
    int more = violations.size() - MAX_VIOLATIONS_IN_REASON;
    return more > 0 ? listed + "; and " + more + " more" : listed;
  }

  private static SubmissionParseResult malformed(String reason, Optional<String> submissionId) {
    return new SubmissionParseResult.Malformed(reason, submissionId);
  }
}
