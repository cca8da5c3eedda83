package dev.judgefleet.worker.cli.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.model.JudgedBy;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks a chaos run ends with, on hand-made histories. */
class ChaosLedgerTest {
  private static final String RUN = "load-0000beef-";
  private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");

  private final ChaosLedger ledger = new ChaosLedger(RUN);

  /** A verdict of a judging that began at T0 + {@code beganS} s and took {@code tookMs}. */
  private static VerdictEvent verdict(
      String id, Verdict verdict, String judgingId, long beganS, long tookMs) {
    return new VerdictEvent(
        VerdictEvent.SCHEMA_VERSION,
        id,
        1,
        judgingId,
        "aplusb",
        null,
        "c",
        verdict,
        null,
        null,
        null,
        null,
        0,
        0,
        null,
        List.of(),
        null,
        null,
        new JudgedBy("node", 0, "test"),
        T0.plusSeconds(beganS).plusMillis(tookMs),
        null,
        tookMs,
        null);
  }

  @Test
  void aCleanRunHolds() {
    ledger.submitted(RUN + "0", Verdict.AC);
    ledger.submitted(RUN + "1", Verdict.WA);
    ledger.malformedSent(RUN + "bad-0");
    ledger.verdict(verdict(RUN + "0", Verdict.AC, "j0", 0, 100));
    ledger.verdict(verdict(RUN + "1", Verdict.WA, "j1", 0, 100));
    ledger.deadLetter(RUN + "bad-0");
    ChaosSummary s = ledger.summary();
    assertTrue(s.held(), s.toString());
    assertEquals("lost 0, wrong 0, duplicates 0, dlq 1/1", s.line());
  }

  @Test
  void aMissingVerdictIsLostAndAWrongOneWrong() {
    ledger.submitted(RUN + "0", Verdict.AC);
    ledger.submitted(RUN + "1", Verdict.AC);
    ledger.verdict(verdict(RUN + "1", Verdict.WA, "j1", 0, 100));
    ChaosSummary s = ledger.summary();
    assertEquals(1, s.lost());
    assertEquals(1, s.wrong());
    assertFalse(s.held());
    assertTrue(s.examples().contains("lost " + RUN + "0"), s.examples().toString());
  }

  @Test
  void anotherJudgingIsADuplicateAndTheSameOneReadTwiceIsNot() {
    ledger.submitted(RUN + "0", Verdict.AC);
    ledger.verdict(verdict(RUN + "0", Verdict.AC, "j0", 0, 100));
    ledger.verdict(verdict(RUN + "0", Verdict.AC, "j0", 0, 100));
    ledger.verdict(verdict(RUN + "0", Verdict.AC, "j1", 20, 100));
    ChaosSummary s = ledger.summary();
    assertEquals(1, s.duplicates());
    assertEquals(1, s.repeats());
    assertTrue(s.held(), s.toString());
  }

  @Test
  void aVerdictForAnIdOfTheRunNeverSentFailsButAnotherRunsIsForeign() {
    ledger.verdict(verdict(RUN + "7", Verdict.AC, "j7", 0, 100));
    // An earlier run's late verdict, with the same seed and so the same numbering.
    ledger.verdict(verdict("load-0000dead-7", Verdict.AC, "j8", 0, 100));
    ChaosSummary s = ledger.summary();
    assertEquals(1, s.unsent());
    assertEquals(1, s.foreign());
    assertFalse(s.held());
  }

  @Test
  void aStaleWorkersLateVerdictAfterANewerJudgingIsAnOverride() {
    ledger.submitted(RUN + "0", Verdict.AC);
    // The newer judging began at 30 s and was published; the stale one, begun at 0 s on a worker
    // stopped for 40 s, came after it.
    ledger.verdict(verdict(RUN + "0", Verdict.AC, "new", 30, 200));
    ledger.verdict(verdict(RUN + "0", Verdict.AC, "stale", 0, 40_500));
    ChaosSummary s = ledger.summary();
    assertEquals(1, s.stale());
    assertFalse(s.held());
  }

  @Test
  void aRedeliveryAfterAKillIsNotAnOverride() {
    ledger.submitted(RUN + "0", Verdict.AC);
    ledger.verdict(verdict(RUN + "0", Verdict.AC, "first", 0, 200));
    ledger.verdict(verdict(RUN + "0", Verdict.AC, "again", 15, 200));
    assertEquals(0, ledger.summary().stale());
  }

  @Test
  void deadLettersMustBeExactlyTheMalformedRecords() {
    ledger.malformedSent(RUN + "bad-0");
    ledger.malformedSent(RUN + "bad-1");
    ledger.deadLetter(RUN + "bad-0");
    ledger.deadLetter(RUN + "bad-0");
    assertFalse(ledger.deadLettersComplete());
    ledger.deadLetter(RUN + "3");
    ChaosSummary s = ledger.summary();
    assertEquals("lost 0, wrong 0, duplicates 0, dlq 1/2", s.line());
    assertEquals(1, s.unexpectedDeadLetters());
    assertFalse(s.held());
  }

  @Test
  void aMalformedRecordsVerdictMustBeIe() {
    ledger.malformedSent(RUN + "bad-1");
    ledger.malformedSent(RUN + "bad-3");
    ledger.deadLetter(RUN + "bad-1");
    ledger.deadLetter(RUN + "bad-3");
    ledger.verdict(verdict(RUN + "bad-1", Verdict.IE, "r1", 0, 0));
    assertTrue(ledger.summary().held());
    ledger.verdict(verdict(RUN + "bad-3", Verdict.AC, "r3", 0, 0));
    assertEquals(1, ledger.summary().wrong());
  }
}
