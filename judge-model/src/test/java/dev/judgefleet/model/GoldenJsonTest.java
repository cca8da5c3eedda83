package dev.judgefleet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The golden messages read into the records and written back unchanged, and equal to the records
 * built in Java: a renamed component or a changed JSON setting breaks one of these.
 */
class GoldenJsonTest {

  private static final ObjectMapper MAPPER = WireJson.mapper();

  /**
   * JSON has one kind of number: {@code 100} and {@code 100.0} are the same value, though Jackson
   * writes a Double as the latter. Everything else must match exactly.
   */
  private static final Comparator<JsonNode> SAME_JSON_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  static Stream<Arguments> goldens() {
    return Stream.of(
        golden("submission-source.json", Submission.class, Goldens::submissionSource),
        golden("submission-files.json", Submission.class, Goldens::submissionFiles),
        golden("submission-inline-tests.json", Submission.class, Goldens::submissionInlineTests),
        golden("verdict-accepted.json", VerdictEvent.class, Goldens::verdictAccepted),
        golden("verdict-scoring.json", VerdictEvent.class, Goldens::verdictScoring),
        golden("verdict-compile-error.json", VerdictEvent.class, Goldens::verdictCompileError),
        golden("verdict-custom-input.json", VerdictEvent.class, Goldens::verdictCustomInput),
        golden("verdict-wrong-answer.json", VerdictEvent.class, Goldens::verdictWrongAnswer),
        golden("verdict-internal-error.json", VerdictEvent.class, Goldens::verdictInternalError),
        golden("progress-running.json", ProgressEvent.class, Goldens::progressRunning));
  }

  private static Arguments golden(String file, Class<?> type, Supplier<Object> builtInJava) {
    return Arguments.of(file, type, builtInJava);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void readsIntoTheRecordBuiltInJava(String file, Class<?> type, Supplier<Object> builtInJava)
      throws Exception {
    assertEquals(builtInJava.get(), MAPPER.readValue(Goldens.bytes(file), type), file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void writesBackTheSameJson(String file, Class<?> type, Supplier<Object> builtInJava)
      throws Exception {
    JsonNode golden = Goldens.tree(file);
    JsonNode written = MAPPER.valueToTree(MAPPER.readValue(Goldens.bytes(file), type));
    assertSameJson(golden, written, file + " read and written back");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void theRecordBuiltInJavaWritesTheGolden(String file, Class<?> type, Supplier<Object> builtIn) {
    assertSameJson(Goldens.tree(file), MAPPER.valueToTree(builtIn.get()), file + " built in Java");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"submission-source.json", "submission-files.json", "submission-inline-tests.json"})
  void goldenSubmissionsPassTheParser(String file) {
    SubmissionParseResult result = SubmissionParser.parse(Goldens.bytes(file), Goldens.POLICY);
    assertInstanceOf(SubmissionParseResult.Parsed.class, result, () -> file + ": " + result);
  }

  private static void assertSameJson(JsonNode expected, JsonNode actual, String what) {
    assertTrue(
        expected.equals(SAME_JSON_VALUE, actual),
        () -> what + " differs\nexpected: " + pretty(expected) + "\nactual:   " + pretty(actual));
  }

  private static String pretty(JsonNode node) {
    try {
      return MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    } catch (Exception e) {
      return node.toString();
    }
  }
}
