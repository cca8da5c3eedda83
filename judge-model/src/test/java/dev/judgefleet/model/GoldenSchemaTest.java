package dev.judgefleet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped schemas, run by a draft 2020-12 validator: the golden messages satisfy them, and the
 * schema and {@link SubmissionParser} agree on what a valid submission is.
 */
class GoldenSchemaTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonSchema schema(String file) throws Exception {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = GoldenSchemaTest.class.getResourceAsStream("/schemas/" + file)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "submission-source.json, submission.schema.json",
    "submission-files.json, submission.schema.json",
    "submission-inline-tests.json, submission.schema.json",
    "verdict-accepted.json, verdict-event.schema.json",
    "verdict-scoring.json, verdict-event.schema.json",
    "verdict-compile-error.json, verdict-event.schema.json",
    "verdict-custom-input.json, verdict-event.schema.json",
    "progress-running.json, progress-event.schema.json"
  })
  void goldenSatisfiesItsSchema(String golden, String schema) throws Exception {
    Set<ValidationMessage> errors = schema(schema).validate(Goldens.tree(golden));
    assertEquals(Set.of(), errors, golden + " against " + schema);
  }

  /** Each is one change to submission-source.json that both the schema and the parser reject. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'schemaVersion': 2}",
        "{'submissionId': 'team 17'}",
        "{'submissionId': '..'}",
        "{'problemId': ''}",
        "{'problemVersion': 'v/2'}",
        "{'files': [{'name': 'Main.java', 'contentBase64': 'AAAA'}]}",
        "{'source': null, 'files': []}",
        "{'source': null, 'files': [{'name': '../Main.java', 'contentBase64': 'AAAA'}]}",
        "{'source': null, 'files': [{'name': '-o', 'contentBase64': 'AAAA'}]}",
        "{'source': null, 'files': [{'name': 'a.c', 'contentBase64': 'not base64!'}]}",
        "{'limits': {'timeMs': 0}}",
        "{'tests': [{'name': 'custom-1'}]}",
        "{'tests': [{'name': 'custom 1', 'input': ''}]}",
        "{'attempt': 0}",
        "{'submittedAt': 'yesterday'}",
        "{'metadata': ['not', 'an', 'object']}"
      })
  void schemaAndParserRejectTheSameMistakes(String change) throws Exception {
    JsonNode document = changed(change);
    assertFalse(
        schema("submission.schema.json").validate(document).isEmpty(),
        "the schema accepts " + change);
    assertInstanceOf(
        SubmissionParseResult.Malformed.class,
        SubmissionParser.parse(MAPPER.writeValueAsBytes(document), Goldens.POLICY),
        "the parser accepts " + change);
  }

  /** Unusual but valid: both accept. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'submissionId': 'a', 'problemId': 'A-1_b.c:2'}",
        "{'source': null, 'files': [{'name': '__init__.py', 'contentBase64': ''}]}",
        "{'source': null, 'files': [{'name': 'main.c++', 'contentBase64': 'aGk'}]}",
        "{'source': ''}",
        "{'attempt': 7, 'submittedAt': '2025-03-14T10:26:53+01:00'}",
        "{'tests': [{'name': 'x', 'input': '', 'answer': ''}], 'metadata': {}}",
        "{'futureField': {'added': 'by a newer producer'}}"
      })
  void schemaAndParserAcceptTheSameUnusualSubmissions(String change) throws Exception {
    JsonNode document = changed(change);
    Set<ValidationMessage> errors = schema("submission.schema.json").validate(document);
    assertTrue(errors.isEmpty(), () -> "the schema rejects " + change + ": " + errors);
    SubmissionParseResult result =
        SubmissionParser.parse(MAPPER.writeValueAsBytes(document), Goldens.POLICY);
    assertInstanceOf(
        SubmissionParseResult.Parsed.class,
        result,
        () -> "the parser rejects " + change + ": " + result);
  }

  /** submission-source.json with the given fields replaced; a null value removes the field. */
  private static JsonNode changed(String change) throws Exception {
    ObjectNode document = (ObjectNode) Goldens.tree("submission-source.json");
    JsonNode replacements = MAPPER.readTree(change.replace('\'', '"'));
    replacements
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getValue().isNull()) {
                document.remove(field.getKey());
              } else {
                document.set(field.getKey(), field.getValue());
              }
            });
    return document;
  }
}
