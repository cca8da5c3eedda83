package dev.judgefleet.worker.problem.store;

/**
 * The store did not do what was asked: unreachable, refused the credentials, answered with a server
 * error. The message names the operation, the object and the store.
 */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
