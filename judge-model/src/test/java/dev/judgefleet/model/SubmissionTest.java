package dev.judgefleet.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmissionTest {

  @Test
  void listsAreCopiedAndImmutable() {
    List<SourceFile> files = new ArrayList<>(List.of(SourceFile.of("a.c", new byte[0])));
    List<InlineTest> tests = new ArrayList<>(List.of(new InlineTest("t", "", null)));
    Submission submission =
        new Submission(1, "s", "p", null, "c", null, files, null, tests, 1, null, null);
    files.clear();
    tests.clear();
    assertEquals(1, submission.files().size());
    assertEquals(1, submission.tests().size());
    assertThrows(UnsupportedOperationException.class, () -> submission.files().clear());
    assertThrows(UnsupportedOperationException.class, () -> submission.tests().clear());
  }

  @Test
  void metadataIsCopiedDeeplyAndKeepsNulls() {
    Map<String, Object> nested = new HashMap<>();
    nested.put("round", 2);
    List<Object> tags = new ArrayList<>(List.of("a"));
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("nested", nested);
    metadata.put("tags", tags);
    metadata.put("none", null);
    Submission submission = new SubmissionBuilder().metadata(metadata).build();
    nested.put("round", 3);
    tags.add("b");
    metadata.remove("none");

    assertEquals(Map.of("round", 2), submission.metadata().get("nested"));
    assertEquals(List.of("a"), submission.metadata().get("tags"));
    assertTrue(submission.metadata().containsKey("none"));
    assertNull(submission.metadata().get("none"));
    @SuppressWarnings("unchecked")
    Map<String, Object> frozenNested = (Map<String, Object>) submission.metadata().get("nested");
    assertThrows(UnsupportedOperationException.class, () -> frozenNested.put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> submission.metadata().put("x", 1));
  }

  @Test
  void absentCollectionsNormalize() {
    Submission submission =
        new Submission(1, "s", "p", null, "c", "x", null, null, null, 1, null, null);
    assertNull(submission.files(), "absent files stay absent: source was given");
    assertEquals(List.of(), submission.tests());
    assertEquals(Map.of(), submission.metadata());
  }

  @Test
  void emptyTestsAndMetadataAreNotWritten() {
    JsonNode written = WireJson.mapper().valueToTree(new SubmissionBuilder().build());
    assertFalse(written.has("tests"), written::toString);
    assertFalse(written.has("metadata"), written::toString);
    assertFalse(written.has("files"), written::toString);
    assertEquals(1, written.path("attempt").asInt());
  }

  @Test
  void sourceFileDecodesItsContent() {
    SourceFile file = SourceFile.of("Main.java", "class Main {}".getBytes(UTF_8));
    assertEquals("Y2xhc3MgTWFpbiB7fQ==", file.contentBase64());
    assertArrayEquals("class Main {}".getBytes(UTF_8), file.content().orElseThrow());
    assertArrayEquals(new byte[0], new SourceFile("e.c", "").content().orElseThrow());
    assertArrayEquals(
        "class Main {}".getBytes(UTF_8),
        new SourceFile("u.c", "Y2xhc3MgTWFpbiB7fQ").content().orElseThrow(),
        "padding is optional");
  }

  @Test
  void sourceFileWithBrokenContentIsEmptyNotAnException() {
    assertEquals(Optional.empty(), new SourceFile("a.c", "%%%").content());
    assertEquals(Optional.empty(), new SourceFile("a.c", "aGVsbG8=\n").content());
    assertEquals(Optional.empty(), new SourceFile("a.c", null).content());
  }

  @Test
  void sourceFileContentIsAFreshCopy() {
    SourceFile file = SourceFile.of("a.c", new byte[] {1, 2});
    file.content().orElseThrow()[0] = 9;
    assertEquals("[1, 2]", Arrays.toString(file.content().orElseThrow()));
  }
}
