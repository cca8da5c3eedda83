package dev.judgefleet.worker.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.model.Submission;
import dev.judgefleet.model.SubmissionParseResult;
import dev.judgefleet.model.SubmissionParser;
import dev.judgefleet.model.SubmissionPolicy;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.model.VerdictReason;
import dev.judgefleet.worker.service.JudgeRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The wire's submission, as parsed from its JSON, becomes the service's request field by field. */
class SubmissionMappingTest {
  private static final SubmissionPolicy POLICY =
      SubmissionPolicy.withDefaults(Set.of("c", "python3", "java"));

  private final SubmissionMapping mapping = new SubmissionMapping();

  private static Submission parse(String json) {
    SubmissionParseResult r = SubmissionParser.parse(json.getBytes(StandardCharsets.UTF_8), POLICY);
    assertTrue(r instanceof SubmissionParseResult.Parsed, r.toString());
    return ((SubmissionParseResult.Parsed) r).submission();
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPlainSourceWithNothingElseGetsNoOverrides() {
    JudgeRequest r =
        mapping.request(
            parse(
                """
                {"schemaVersion":1,"submissionId":"s1","problemId":"aplusb","language":"python3",
                 "source":"print(3)\\n"}"""));
    assertEquals("s1", r.submissionId());
    assertEquals(1, r.attempt());
    assertEquals("aplusb", r.problemId());
    assertEquals(Optional.empty(), r.problemVersion());
    assertEquals("python3", r.language());
    assertArrayEquals("print(3)\n".getBytes(StandardCharsets.UTF_8), r.source().main());
    assertTrue(r.source().others().isEmpty());
    assertEquals(List.of(), r.tests());
    assertEquals(Optional.empty(), r.timeLimit());
    assertEquals(Optional.empty(), r.memoryBytes());
    assertEquals(Optional.empty(), r.outputBytes());
    assertEquals(Map.of(), r.metadata());
  }

  @Test
  void filesLimitsVersionInlineTestsAndMetadataAllArrive() {
    JudgeRequest r =
        mapping.request(
            parse(
                """
                {"schemaVersion":1,"submissionId":"s2","attempt":3,"problemId":"p",
                 "problemVersion":"v7","language":"c",
                 "files":[{"name":"main.c","contentBase64":"%s"},
                          {"name":"util.h","contentBase64":"%s"}],
                 "limits":{"timeMs":1500,"memoryBytes":67108864,"outputBytes":1048576},
                 "tests":[{"name":"t1","input":"1 2\\n","answer":"3\\n"},{"name":"t2","input":"x"}],
                 "submittedAt":"2026-01-02T03:04:05Z",
                 "metadata":{"team":"t42"}}"""
                    .formatted(b64("int main(){}\n"), b64("#define X 1\n"))));
    assertEquals(3, r.attempt());
    assertEquals(Optional.of("v7"), r.problemVersion());
    assertArrayEquals("int main(){}\n".getBytes(StandardCharsets.UTF_8), r.source().main());
    assertEquals(Set.of("util.h"), r.source().others().keySet());
    assertArrayEquals(
        "#define X 1\n".getBytes(StandardCharsets.UTF_8), r.source().others().get("util.h"));
    assertEquals(Optional.of(Duration.ofMillis(1500)), r.timeLimit());
    assertEquals(Optional.of(64L << 20), r.memoryBytes());
    assertEquals(Optional.of(1L << 20), r.outputBytes());
    assertEquals(2, r.tests().size());
    assertEquals("t1", r.tests().get(0).name());
    assertArrayEquals("3\n".getBytes(StandardCharsets.UTF_8), r.tests().get(0).answer().get());
    assertEquals(Optional.empty(), r.tests().get(1).answer());
    assertEquals(Optional.of(Instant.parse("2026-01-02T03:04:05Z")), r.submittedAt());
    assertEquals(Map.of("team", "t42"), r.metadata());
  }

  @Test
  void aRejectedSubmissionIsTheSubmittersIeWithTheReason() {
    VerdictEvent e = mapping.rejected("s3", "unknown language 'cobol'", "node-a");
    assertEquals(Verdict.IE, e.verdict());
    assertEquals(VerdictReason.INVALID_SUBMISSION, e.reason());
    assertEquals(VerdictReason.Party.SUBMITTER, e.reason().party());
    assertEquals("s3", e.submissionId());
    assertEquals("node-a", e.judgedBy().node());
    assertEquals(-1, e.judgedBy().slot());
    assertTrue(e.message().contains("unknown language 'cobol'"), e.message());
  }
}
