package dev.judgefleet.worker.cli.chaos;

import java.util.List;
import java.util.Locale;

/**
 * What a chaos run proved, from {@link ChaosLedger}.
 *
 * @param sent valid submissions sent
 * @param lost valid submissions without a verdict
 * @param wrong submissions (valid or malformed) with a verdict other than the expected one (IE for
 *     a malformed one whose id could be read)
 * @param duplicates verdicts beyond a submission's first, each from a judging of its own (distinct
 *     judgingId): allowed, a redelivery after a worker died before committing
 * @param repeats the same judging's verdict read again (same judgingId): counted, allowed
 * @param unsent verdicts for ids of this run that were never sent
 * @param stale submissions whose last verdict comes from a judging begun before another judging of
 *     it: a stale worker overrode a newer judging
 * @param malformedSent malformed records sent
 * @param deadLettered distinct malformed records found on the dead-letter topic
 * @param unexpectedDeadLetters dead letters of this run that are not malformed records it sent
 * @param foreign messages read that belong to no run of this command (another client's, or an
 *     earlier run's late verdicts): ignored
 * @param examples a few ids per failed check, to look up in the workers' logs
 */
public record ChaosSummary(
    long sent,
    long lost,
    long wrong,
    long duplicates,
    long repeats,
    long unsent,
    long stale,
    long malformedSent,
    long deadLettered,
    long unexpectedDeadLetters,
    long foreign,
    List<String> examples) {

  public ChaosSummary {
    examples = List.copyOf(examples);
  }

  /** Whether every check held. */
  public boolean held() {
    return lost == 0
        && wrong == 0
        && unsent == 0
        && stale == 0
        && deadLettered == malformedSent
        && unexpectedDeadLetters == 0;
  }

  /** {@code lost 0, wrong 0, duplicates 3, dlq 1000/1000}. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "lost %d, wrong %d, duplicates %d, dlq %d/%d",
        lost,
        wrong,
        duplicates,
        deadLettered,
        malformedSent);
  }

  /** The other checks, on a line of their own. */
  public String details() {
    return String.format(
        Locale.ROOT,
        "sent %d valid, verdicts for unsent ids %d, stale overrides %d, unexpected dead letters %d,"
            + " repeated reads %d, foreign messages %d",
        sent,
        unsent,
        stale,
        unexpectedDeadLetters,
        repeats,
        foreign);
  }
}
