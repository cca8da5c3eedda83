package dev.judgefleet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire codes. Producers and consumers in other languages store and compare these strings;
 * renaming, reordering, removing or reusing one breaks them silently. A new code is appended here
 * deliberately, in the same change that documents it.
 */
class WireCodesTest {

  @Test
  void verdictCodesAreFrozen() {
    assertEquals(
        List.of("AC", "WA", "PE", "TLE", "MLE", "OLE", "RE", "CE", "SV", "IE"),
        Arrays.stream(Verdict.values()).map(Enum::name).toList(),
        "Verdict names are wire codes and are frozen once published: never rename, reorder,"
            + " remove or reuse one; add a new verdict at the end, here and in"
            + " verdict-event.schema.json");
  }

  @Test
  void phaseCodesAreFrozen() {
    assertEquals(
        List.of("ACCEPTED", "COMPILING", "RUNNING", "DONE"),
        Arrays.stream(Phase.values()).map(Enum::name).toList(),
        "Phase names are wire codes and are frozen once published: never rename, reorder,"
            + " remove or reuse one; add a new phase at the end, here and in"
            + " progress-event.schema.json");
  }

  @Test
  void verdictReasonCodesAreFrozen() {
    assertEquals(
        List.of(
            "INVALID_SUBMISSION",
            "UNKNOWN_PROBLEM",
            "PROBLEM_VERSION_UNAVAILABLE",
            "LANGUAGE_UNAVAILABLE",
            "BROKEN_PROBLEM",
            "SANDBOX_FAILURE",
            "JUDGE_FAILURE"),
        Arrays.stream(VerdictReason.values()).map(Enum::name).toList(),
        "VerdictReason names are wire codes and are frozen once published: never rename, reorder,"
            + " remove or reuse one; add a new reason at the end, here and in"
            + " verdict-event.schema.json");
  }

  @Test
  void schemaVersionsAreOne() {
    assertEquals(1, Submission.SCHEMA_VERSION, "the submission wire format's version");
    assertEquals(1, VerdictEvent.SCHEMA_VERSION, "the verdict event wire format's version");
    assertEquals(1, ProgressEvent.SCHEMA_VERSION, "the progress event wire format's version");
  }
}
