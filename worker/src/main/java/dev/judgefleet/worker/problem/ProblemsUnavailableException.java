package dev.judgefleet.worker.problem;

/**
 * A package cannot be had now but may be later: the problem store did not answer (after the
 * configured retries). Never the contestant's fault and not a broken package either, so never a
 * verdict: the submission waits until the store is back.
 */
public final class ProblemsUnavailableException extends RuntimeException {
  public ProblemsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
