package dev.judgefleet.worker.cli.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.model.SubmissionParseResult;
import dev.judgefleet.model.SubmissionParser;
import dev.judgefleet.model.SubmissionPolicy;
import dev.judgefleet.worker.cli.chaos.MalformedMessages.Kind;
import dev.judgefleet.worker.cli.chaos.MalformedMessages.Malformed;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every record {@code judge chaos} sends as malformed is refused by the worker's own parser (so it
 * must be dead-lettered), each kind is in the mix, and a refused record whose id can be read is one
 * of the run's (its IE verdict is then expected, not "unsent").
 */
class MalformedMessagesTest {
  private static final String PREFIX = "load-0123abcd-";
  private static final SubmissionPolicy POLICY =
      SubmissionPolicy.withDefaults(Set.of("c", "python3"));

  @Test
  void everyRecordIsRefusedByTheWorkersParser() {
    MalformedMessages messages = new MalformedMessages(PREFIX, POLICY.maxDocumentBytes());
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    Set<String> keys = new HashSet<>();
    for (long n = 0; n < 200; n++) {
      Malformed m = messages.get(n);
      kinds.merge(m.kind(), 1, Integer::sum);
      assertTrue(keys.add(m.key()), "keys are distinct: " + m.key());
      assertTrue(m.key().startsWith(PREFIX), m.key());
      SubmissionParseResult parsed = SubmissionParser.parse(m.value(), POLICY);
      SubmissionParseResult.Malformed refused =
          assertInstanceOf(SubmissionParseResult.Malformed.class, parsed, m.key() + " " + m.kind());
      refused
          .submissionId()
          .ifPresent(id -> assertEquals(m.key(), id, "a readable id is the record's key"));
    }
    assertEquals(4, kinds.get(Kind.OVERSIZE), kinds.toString());
    assertTrue(
        kinds.get(Kind.BAD_JSON) > 90 && kinds.get(Kind.SCHEMA_VIOLATION) > 90, kinds.toString());
  }

  @Test
  void anOversizeRecordIsJustOverTheLimitAndRefusedForItsSize() {
    MalformedMessages messages = new MalformedMessages(PREFIX, POLICY.maxDocumentBytes());
    Malformed m = messages.get(MalformedMessages.OVERSIZE_EVERY - 1);
    assertEquals(Kind.OVERSIZE, m.kind());
    assertEquals(POLICY.maxDocumentBytes() + 1024, m.value().length);
    SubmissionParseResult.Malformed refused =
        assertInstanceOf(
            SubmissionParseResult.Malformed.class, SubmissionParser.parse(m.value(), POLICY));
    assertTrue(refused.reason().contains("over the limit"), refused.reason());
  }

  @Test
  void theSameNumberIsTheSameRecord() {
    MalformedMessages messages = new MalformedMessages(PREFIX, 1 << 20);
    for (long n = 0; n < 20; n++) {
      assertEquals(new String(messages.get(n).value()), new String(messages.get(n).value()));
    }
  }
}
