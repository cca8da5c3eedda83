package dev.judgefleet.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubmissionParserTest {

  private static final SubmissionPolicy POLICY = Goldens.POLICY;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A valid document's fields, to which a test adds its own (JSON with ' for "). */
  private static final String VALID_FIELDS =
      "'schemaVersion': 1, 'submissionId': 'c1:t1:42', 'problemId': 'hello', 'language': 'cpp',"
          + " 'source': 'int main() {}'";

  private static SubmissionParseResult parse(String json) {
    return SubmissionParser.parse(json.replace('\'', '"').getBytes(UTF_8), POLICY);
  }

  private static Submission parsed(String json) {
    SubmissionParseResult result = parse(json);
    return assertInstanceOf(SubmissionParseResult.Parsed.class, result, result::toString)
        .submission();
  }

  private static SubmissionParseResult.Malformed malformed(String json) {
    SubmissionParseResult result = parse(json);
    SubmissionParseResult.Malformed malformed =
        assertInstanceOf(SubmissionParseResult.Malformed.class, result, json);
    assertFalse(malformed.reason().contains("\n"), () -> "not one line: " + malformed.reason());
    return malformed;
  }

  private static void assertMalformed(String reason, Optional<String> id, String json) {
    assertEquals(new SubmissionParseResult.Malformed(reason, id), malformed(json));
  }

  // --- valid documents

  @Test
  void parsesAGoldenSubmission() {
    SubmissionParseResult result =
        SubmissionParser.parse(Goldens.bytes("submission-files.json"), POLICY);
    assertEquals(new SubmissionParseResult.Parsed(Goldens.submissionFiles()), result);
  }

  @Test
  void attemptDefaultsToOne() {
    assertEquals(1, parsed("{" + VALID_FIELDS + "}").attempt());
    assertEquals(1, parsed("{" + VALID_FIELDS + ", 'attempt': null}").attempt());
    assertEquals(3, parsed("{" + VALID_FIELDS + ", 'attempt': 3}").attempt());
  }

  @Test
  void anExplicitAttemptZeroIsAMistakeNotTheDefault() {
    assertMalformed(
        "attempt 0 is below 1 (the first judging is attempt 1)",
        Optional.of("c1:t1:42"),
        "{" + VALID_FIELDS + ", 'attempt': 0}");
  }

  @Test
  void unknownFieldsAreTolerated() {
    Submission submission =
        parsed(
            "{"
                + VALID_FIELDS.replace("'source': 'int main() {}'", "")
                + " 'priority': 'high', 'team': {'name': 'x'},"
                + " 'files': [{'name': 'a.c', 'contentBase64': '', 'mode': 420}],"
                + " 'limits': {'timeMs': 1000, 'stackBytes': 8388608},"
                + " 'tests': [{'name': 't1', 'input': '', 'weight': 2}]}");
    assertEquals(1000L, submission.limits().timeMs());
    assertEquals("a.c", submission.files().get(0).name());
  }

  @Test
  void absentOptionalFieldsReadAsEmpty() {
    Submission submission = parsed("{" + VALID_FIELDS + "}");
    assertEquals(null, submission.files());
    assertEquals(null, submission.limits());
    assertTrue(submission.tests().isEmpty());
    assertTrue(submission.metadata().isEmpty());
  }

  @Test
  void submittedAtAcceptsAnOffset() {
    assertEquals(
        java.time.Instant.parse("2025-03-14T09:26:53Z"),
        parsed("{" + VALID_FIELDS + ", 'submittedAt': '2025-03-14T10:26:53+01:00'}").submittedAt());
  }

  // --- not JSON, not an object: no id, even where one is visible

  @Test
  void truncatedJson() {
    SubmissionParseResult.Malformed malformed =
        malformed("{'submissionId': 'c1:t1:42', 'problemId': 'hel");
    assertTrue(malformed.reason().startsWith("not valid JSON: "), malformed.reason());
    assertEquals(Optional.empty(), malformed.submissionId());
  }

  @Test
  void truncatedGoldenAtEveryByteNeverThrowsAndNeverGuessesTheId() {
    byte[] golden = Goldens.bytes("submission-files.json");
    for (int length = 0; length < golden.length - 2; length++) {
      byte[] prefix = Arrays.copyOf(golden, length);
      SubmissionParseResult result =
          assertDoesNotThrow(() -> SubmissionParser.parse(prefix, POLICY), "prefix " + length);
      SubmissionParseResult.Malformed malformed =
          assertInstanceOf(SubmissionParseResult.Malformed.class, result, "prefix " + length);
      assertEquals(Optional.empty(), malformed.submissionId(), "prefix " + length);
    }
  }

  @Test
  void corruptedGoldenNeverThrows() {
    byte[] golden = Goldens.bytes("submission-inline-tests.json");
    for (int at = 0; at < golden.length; at++) {
      for (byte replacement : new byte[] {'"', '{', ']', '0', (byte) 0xff, 0}) {
        byte[] corrupted = golden.clone();
        corrupted[at] = replacement;
        assertDoesNotThrow(() -> SubmissionParser.parse(corrupted, POLICY), "byte " + at);
      }
    }
  }

  @Test
  void trailingTextAfterTheDocument() {
    assertTrue(malformed("{" + VALID_FIELDS + "} {}").reason().startsWith("not valid JSON: "));
  }

  @Test
  void duplicateFieldsAreRefused() {
    SubmissionParseResult.Malformed malformed =
        malformed("{" + VALID_FIELDS + ", 'submissionId': 'c1:t1:43'}");
    assertTrue(
        malformed.reason().startsWith("not valid JSON: Duplicate field 'submissionId'"),
        malformed.reason());
    assertEquals(Optional.empty(), malformed.submissionId());
  }

  @Test
  void invalidUtf8() {
    byte[] json = ("{\"submissionId\": \"c1\", \"source\": \"\u00e9\"}").getBytes(UTF_8);
    json[json.length - 4] = (byte) 0xc3; // a lead byte followed by '"' is not UTF-8
    json[json.length - 3] = '"';
    SubmissionParseResult result = SubmissionParser.parse(json, POLICY);
    assertTrue(
        ((SubmissionParseResult.Malformed) result).reason().startsWith("not valid JSON: "),
        result::toString);
  }

  @Test
  void emptyDocument() {
    assertMalformed("the document is empty", Optional.empty(), "");
    assertMalformed("the document is empty", Optional.empty(), "  \n ");
    assertEquals(
        new SubmissionParseResult.Malformed("the document is empty", Optional.empty()),
        SubmissionParser.parse(null, POLICY));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "[{'submissionId': 'c1:t1:42'}] | the document is an array, not a JSON object",
        "'c1:t1:42'                     | the document is 'c1:t1:42', not a JSON object",
        "42                             | the document is 42, not a JSON object",
        "null                           | the document is null, not a JSON object"
      })
  void notAnObject(String json, String reason) {
    assertMalformed(reason, Optional.empty(), json);
  }

  @Test
  void deeplyNestedMetadataIsRefusedNotAStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    SubmissionParseResult.Malformed malformed =
        malformed("{" + VALID_FIELDS + ", 'metadata': {'x': " + deep + "}}");
    assertTrue(malformed.reason().startsWith("not valid JSON: "), malformed.reason());
  }

  // --- size cap: refused unread

  @Test
  void hugeDocumentIsRefusedBeforeParsing() {
    byte[] huge = new byte[8 * 1024 * 1024 + 1];
    Arrays.fill(huge, (byte) ' ');
    byte[] start = ("{" + VALID_FIELDS.replace('\'', '"') + ", \"source\": \"").getBytes(UTF_8);
    System.arraycopy(start, 0, huge, 0, start.length);
    assertEquals(
        new SubmissionParseResult.Malformed(
            "the document is 8388609 bytes, over the limit of 8388608", Optional.empty()),
        SubmissionParser.parse(huge, POLICY));
  }

  @Test
  void documentCapComesFromThePolicy() {
    byte[] json = Goldens.bytes("submission-source.json");
    assertEquals(
        new SubmissionParseResult.Malformed(
            "the document is " + json.length + " bytes, over the limit of 100", Optional.empty()),
        SubmissionParser.parse(json, POLICY.withMaxDocumentBytes(100)));
    assertInstanceOf(
        SubmissionParseResult.Parsed.class,
        SubmissionParser.parse(json, POLICY.withMaxDocumentBytes(json.length)));
  }

  // --- wrong types: one line naming the field

  @Test
  void numberAsId() {
    assertMalformed(
        "submissionId must be a string, not 42",
        Optional.empty(),
        "{" + VALID_FIELDS.replace("'c1:t1:42'", "42") + "}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "'schemaVersion': '1'                  | schemaVersion must be an integer, not '1'",
        "'language': true                      | language must be a string, not true",
        "'language': ['cpp']                   | language must be a string, not an array",
        "'files': {'name': 'a.c'}              | files must be an array, not an object",
        "'files': [null]                       | files[0] must be an object, not null",
        "'files': [{'name': 3}]                | files[0].name must be a string, not 3",
        "'limits': {'timeMs': '3000'}          | limits.timeMs must be an integer, not '3000'",
        "'limits': {'timeMs': 1.5}             | limits.timeMs must be an integer, not 1.5",
        "'limits': {'timeMs': 1e3}             | limits.timeMs must be an integer, not 1000.0",
        "'limits': {'memoryBytes': ''}         | limits.memoryBytes must be an integer, not ''",
        "'limits': 4096                        | limits must be an object, not 4096",
        "'limits': {'timeMs': 99999999999999999999} | limits.timeMs 99999999999999999999 is out of range",
        "'tests': [{'name': 't', 'input': 7}]  | tests[0].input must be a string, not 7",
        "'tests': [null]                       | tests[0] must be an object, not null",
        "'attempt': '2'                        | attempt must be an integer, not '2'",
        "'attempt': 4294967296                 | attempt 4294967296 is out of range",
        "'submittedAt': 1700000000             | submittedAt must be an ISO-8601 instant such as 2025-03-14T09:26:53Z, not 1700000000",
        "'submittedAt': 'yesterday'            | submittedAt must be an ISO-8601 instant such as 2025-03-14T09:26:53Z, not 'yesterday'",
        "'metadata': ['a']                     | metadata must be an object, not an array"
      })
  void wrongTypeNamesTheField(String field, String reason) throws Exception {
    ObjectNode document =
        (ObjectNode) MAPPER.readTree(("{" + VALID_FIELDS + "}").replace('\'', '"'));
    JsonNode replacements = MAPPER.readTree(("{" + field + "}").replace('\'', '"'));
    replacements.fields().forEachRemaining(f -> document.set(f.getKey(), f.getValue()));
    if (replacements.has("files")) {
      document.remove("source");
    }
    assertEquals(
        new SubmissionParseResult.Malformed(reason, Optional.of("c1:t1:42")),
        SubmissionParser.parse(MAPPER.writeValueAsBytes(document), POLICY));
  }

  // --- schemaVersion

  @Test
  void newerSchemaVersionIsRefusedWithoutReadingTheRest() {
    assertMalformed(
        "schemaVersion 2 is newer than the supported 1: this worker cannot read it",
        Optional.of("c1:t1:42"),
        "{" + VALID_FIELDS.replace("'schemaVersion': 1", "'schemaVersion': 2") + ", 'files': 'x'}");
    assertMalformed(
        "schemaVersion 99999999999999999999 is newer than the supported 1: this worker cannot read"
            + " it",
        Optional.of("c1:t1:42"),
        "{"
            + VALID_FIELDS.replace("'schemaVersion': 1", "'schemaVersion': 99999999999999999999")
            + "}");
  }

  @Test
  void missingSchemaVersion() {
    assertMalformed(
        "schemaVersion is missing",
        Optional.of("c1:t1:42"),
        "{" + VALID_FIELDS.replace("'schemaVersion': 1,", "") + "}");
  }

  // --- validation violations: all of them, joined, with the id for an IE verdict

  @Test
  void idIsReadableDespiteOtherErrors() {
    assertMalformed(
        "language 'cobol' is not one of c, cpp, java, python3; limits.timeMs 120000 is above the"
            + " worker's maximum 60000",
        Optional.of("c1:t1:42"),
        "{" + VALID_FIELDS.replace("'cpp'", "'cobol'") + ", 'limits': {'timeMs': 120000}}");
  }

  @Test
  void missingIdIsReportedWithNoId() {
    assertMalformed(
        "submissionId is missing",
        Optional.empty(),
        "{" + VALID_FIELDS.replace("'submissionId': 'c1:t1:42',", "") + "}");
  }

  @Test
  void malformedIdIsNotEchoed() {
    // An IE verdict keyed by it would be as malformed as the message.
    SubmissionParseResult.Malformed malformed =
        malformed("{" + VALID_FIELDS.replace("'c1:t1:42'", "'../../etc'") + "}");
    assertEquals(Optional.empty(), malformed.submissionId());
    assertTrue(
        malformed.reason().startsWith("submissionId '../../etc' is not"), malformed.reason());
  }

  @Test
  void sourceOverTheCapKeepsTheId() {
    assertMalformed(
        "source is 2097152 bytes, over the limit of 1048576",
        Optional.of("c1:t1:42"),
        "{"
            + VALID_FIELDS.replace("'int main() {}'", "'" + "x".repeat(2 * 1024 * 1024) + "'")
            + "}");
  }

  @Test
  void invalidBase64IsAViolationNotAnException() {
    assertMalformed(
        "files[0].contentBase64 is not valid Base64",
        Optional.of("c1:t1:42"),
        "{"
            + VALID_FIELDS.replace("'source': 'int main() {}'", "")
            + " 'files': [{'name': 'a.c', 'contentBase64': '%%%'}]}");
  }

  @Test
  void aLongListOfViolationsIsShortenedInTheReason() {
    StringBuilder files = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      files
          .append(i == 0 ? "" : ",")
          .append("{'name': '-")
          .append(i)
          .append("', 'contentBase64': ''}");
    }
    String reason =
        malformed(
                "{"
                    + VALID_FIELDS.replace("'source': 'int main() {}'", "")
                    + " 'files': ["
                    + files
                    + "]}")
            .reason();
    assertTrue(reason.endsWith("; and 10 more"), reason);
    assertEquals(20, reason.split("; files\\[").length, reason);
  }
}
