package dev.judgefleet.worker.problem.store;

import java.time.Duration;

/**
 * How long a node waits for the store before it hands a submission back, and how often it downloads
 * a version that fails verification before it calls the version corrupt.
 *
 * @param retries how often an unanswered request is retried (so {@code retries + 1} tries)
 * @param firstBackoff the wait before the first retry; each next wait doubles
 * @param maxBackoff the longest wait between two tries
 * @param downloadAttempts downloads of one version that may fail verification (corrupt, truncated,
 *     not its digest) before it is reported corrupt
 */
public record FetchPolicy(
    int retries, Duration firstBackoff, Duration maxBackoff, int downloadAttempts) {
  public static final FetchPolicy DEFAULTS =
      new FetchPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), 3);

  public FetchPolicy {
    if (retries < 0 || downloadAttempts < 1) {
      throw new IllegalArgumentException(
          "retries must be >= 0 and download attempts >= 1: " + retries + ", " + downloadAttempts);
    }
    if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException(
          "backoff must be >= 0 and the longest >= the first: " + firstBackoff + ", " + maxBackoff);
    }
  }

  /** The wait before retry {@code n} (1-based). */
  public Duration backoff(int n) {
    Duration wait = firstBackoff;
    for (int i = 1; i < n && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
