package dev.judgefleet.worker.sandbox;

/**
 * The worker would not, or could not, read a file of a sandbox's work directory: a link, a special
 * file, one over its size cap, or a failed system call. The message names the file and why.
 */
public final class WorkFileException extends RuntimeException {
  public WorkFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
