package dev.judgefleet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SubmissionPolicyTest {

  @Test
  void defaults() {
    SubmissionPolicy policy = SubmissionPolicy.withDefaults(Set.of("java", "c"));
    assertEquals(8L << 20, policy.maxDocumentBytes());
    assertEquals(1L << 20, policy.maxSourceBytes());
    assertEquals(64, policy.maxSourceFiles());
    assertEquals(60_000L, policy.maxTimeMs());
    assertEquals(4L << 30, policy.maxMemoryBytes());
    assertEquals(1L << 30, policy.maxOutputBytes());
    assertEquals(32, policy.maxInlineTests());
    assertEquals(1L << 20, policy.maxInlineTestBytes());
    assertEquals(List.of("c", "java"), List.copyOf(policy.knownLanguages()));
  }

  @Test
  void languagesAreCopiedAndImmutable() {
    TreeSet<String> languages = new TreeSet<>(Set.of("c"));
    SubmissionPolicy policy = SubmissionPolicy.withDefaults(languages);
    languages.add("cobol");
    assertEquals(Set.of("c"), policy.knownLanguages());
    assertThrows(UnsupportedOperationException.class, () -> policy.knownLanguages().add("x"));
  }

  @Test
  void aWorkerWithoutLanguagesIsMisconfigured() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SubmissionPolicy.withDefaults(Set.of()));
    assertEquals("knownLanguages is empty", e.getMessage());
  }

  @Test
  void boundsArePositive() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SubmissionPolicy.withDefaults(Set.of("c")).withMaxDocumentBytes(0));
    assertEquals("maxDocumentBytes 0 is not positive", e.getMessage());
  }
}
