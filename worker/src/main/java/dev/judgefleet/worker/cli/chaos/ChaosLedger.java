package dev.judgefleet.worker.cli.chaos;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a chaos run sent and what came back, and the checks on them: every valid submission has a
 * verdict, each the expected one; no verdict for an id of the run that was not sent; exactly the
 * malformed records on the dead-letter topic; duplicates counted; no stale override (a submission's
 * last verdict, the one a compacted verdict topic keeps, comes from its latest judging).
 *
 * <p>Only ids with the run's prefix are the run's: the prefix is random per run, so late verdicts
 * of an earlier run (an aborted one, with the same seed) are foreign, not "unsent".
 */
public final class ChaosLedger {
  private static final int EXAMPLES_PER_CHECK = 5;

  private final String idPrefix;
  private final Map<String, Verdict> expected = new LinkedHashMap<>();
  private final Set<String> malformed = new HashSet<>();
  private final Map<String, List<VerdictEvent>> verdicts = new HashMap<>();
  private final Set<String> deadLetters = new HashSet<>();
  private final Set<String> unexpectedDeadLetters = new HashSet<>();
  private long foreign;

  public ChaosLedger(String idPrefix) {
    this.idPrefix = idPrefix;
  }

  public void submitted(String id, Verdict verdict) {
    expected.put(id, verdict);
  }

  public void malformedSent(String key) {
    malformed.add(key);
  }

  /** A verdict as read off the topic, in the topic's order (one id is always one partition). */
  public void verdict(VerdictEvent v) {
    if (v.submissionId() == null || !v.submissionId().startsWith(idPrefix)) {
      foreign++;
      return;
    }
    verdicts.computeIfAbsent(v.submissionId(), id -> new ArrayList<>()).add(v);
  }

  /** A record read off the dead-letter topic, by its key. */
  public void deadLetter(String key) {
    if (key == null || !key.startsWith(idPrefix)) {
      foreign++;
    } else if (malformed.contains(key)) {
      deadLetters.add(key);
    } else {
      unexpectedDeadLetters.add(key);
    }
  }

  /** A message that is none of the run's (e.g. unreadable). */
  public void foreign() {
    foreign++;
  }

  public long malformedCount() {
    return malformed.size();
  }

  public long deadLettered() {
    return deadLetters.size();
  }

  /** Whether every malformed record sent so far has its dead letter. */
  public boolean deadLettersComplete() {
    return deadLetters.size() == malformed.size();
  }

  public ChaosSummary summary() {
    long lost = 0;
    long wrong = 0;
    long duplicates = 0;
    long repeats = 0;
    long unsent = 0;
    long stale = 0;
    List<String> examples = new ArrayList<>();
    Map<String, Integer> shown = new HashMap<>();
    for (Map.Entry<String, Verdict> e : expected.entrySet()) {
      if (!verdicts.containsKey(e.getKey())) {
        lost++;
        example(examples, shown, "lost", e.getKey());
      }
    }
    for (Map.Entry<String, List<VerdictEvent>> e : verdicts.entrySet()) {
      String id = e.getKey();
      List<VerdictEvent> all = e.getValue();
      Verdict want = expected.get(id);
      if (want == null && malformed.contains(id)) {
        // A malformed record whose id could be read: its submitter is told why, with IE.
        want = Verdict.IE;
      }
      if (want == null) {
        unsent++;
        example(examples, shown, "unsent", id);
        continue;
      }
      Set<String> judgings = new HashSet<>();
      boolean anyWrong = false;
      for (VerdictEvent v : all) {
        if (!judgings.add(String.valueOf(v.judgingId()))) {
          repeats++;
        }
        anyWrong |= v.verdict() != want;
      }
      duplicates += judgings.size() - 1;
      if (anyWrong) {
        wrong++;
        example(examples, shown, "wrong", id);
      }
      if (overridden(all)) {
        stale++;
        example(examples, shown, "stale", id);
      }
    }
    return new ChaosSummary(
        expected.size(),
        lost,
        wrong,
        duplicates,
        repeats,
        unsent,
        stale,
        malformed.size(),
        deadLetters.size(),
        unexpectedDeadLetters.size(),
        foreign,
        examples);
  }

  /**
   * Whether the last verdict read for a submission comes from a judging that began before another
   * one of it did: the late result of a stale worker, overriding a newer judging.
   */
  static boolean overridden(List<VerdictEvent> inTopicOrder) {
    Instant last = began(inTopicOrder.get(inTopicOrder.size() - 1));
    if (last == null) {
      return false;
    }
    for (VerdictEvent v : inTopicOrder) {
      Instant other = began(v);
      if (other != null && other.isAfter(last)) {
        return true;
      }
    }
    return false;
  }

  /** When the judging began: its verdict's time less its judging time. */
  private static Instant began(VerdictEvent v) {
    return v.judgedAt() == null ? null : v.judgedAt().minusMillis(Math.max(0, v.judgeMs()));
  }

  private static void example(
      List<String> examples, Map<String, Integer> shown, String check, String id) {
    if (shown.merge(check, 1, Integer::sum) <= EXAMPLES_PER_CHECK) {
      examples.add(check + " " + id);
    }
  }
}
