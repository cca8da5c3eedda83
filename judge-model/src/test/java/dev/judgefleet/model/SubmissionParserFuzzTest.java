package dev.judgefleet.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever arrives on the submissions topic, the parser answers: a submission, or a one-line
 * reason. Random bytes, random JSON-shaped text, and valid submissions with one field mangled.
 */
class SubmissionParserFuzzTest {
  private static final SubmissionPolicy POLICY =
      SubmissionPolicy.withDefaults(Set.of("c", "cpp", "python3", "java"));

  private static void answers(byte[] message) {
    SubmissionParseResult result = SubmissionParser.parse(message, POLICY);
    assertNotNull(result);
    if (result instanceof SubmissionParseResult.Malformed malformed) {
      assertFalse(malformed.reason().isBlank());
      assertFalse(malformed.reason().contains("\n"), malformed.reason());
      assertTrue(malformed.reason().length() < 16_384, "a reason fits a header");
    }
  }

  @Property(tries = 1000)
  void randomBytes(@ForAll byte[] message) {
    answers(message);
  }

  @Property(tries = 2000)
  void jsonShapedText(@ForAll("jsonish") String message) {
    answers(message.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 2000)
  void aValidSubmissionWithOneFieldMangled(
      @ForAll("fields") String field, @ForAll("values") String value) {
    String message =
        "{\"schemaVersion\":1,\"submissionId\":\"s-1\",\"problemId\":\"p\",\"language\":\"c\","
            + "\"source\":\"int main(){}\",\""
            + field
            + "\":"
            + value
            + "}";
    answers(message.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"",
            "\\",
            "\\u0000",
            "null",
            "true",
            "1e999",
            "-0",
            "\"submissionId\"",
            "\"files\"",
            "\"name\"",
            "\"@opts.c\"",
            "\"contentBase64\"",
            "\"limits\"",
            "\"tests\"",
            "\"schemaVersion\"",
            "99999999999999999999",
            "\"\n\"",
            " ",
            "é",
            "\uD800");
    return tokens.list().ofMaxSize(60).map(list -> String.join("", list));
  }

  @Provide
  Arbitrary<String> fields() {
    return Arbitraries.of(
        "schemaVersion",
        "submissionId",
        "problemId",
        "problemVersion",
        "language",
        "source",
        "files",
        "limits",
        "tests",
        "attempt",
        "submittedAt",
        "metadata",
        "unknown");
  }

  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> scalars =
        Arbitraries.of(
            "null",
            "0",
            "-1",
            "1.5",
            "1e308",
            "9223372036854775808",
            "true",
            "\"\"",
            "\"x\"",
            "\"../../etc/passwd\"",
            "\"2026-13-45T99:99:99Z\"",
            "[]",
            "{}",
            "[null]",
            "[{\"name\":\"@opts.c\",\"contentBase64\":\"AA==\"}]",
            "[{\"name\":\"a.c\",\"contentBase64\":\"not base64\"}]",
            "{\"timeMs\":-5,\"memoryBytes\":\"big\"}",
            "[{\"name\":\"t\",\"input\":1}]");
    Arbitrary<String> longText =
        Arbitraries.strings().ofMaxLength(300).map(s -> "\"" + s.replace("\"", "") + "\"");
    return Arbitraries.oneOf(scalars, longText);
  }
}
