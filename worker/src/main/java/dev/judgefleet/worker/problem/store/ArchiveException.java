package dev.judgefleet.worker.problem.store;

/**
 * A package archive that cannot be used: corrupt, truncated, not the digest it is named by, or
 * holding what a package may not (a link, a path out of the package, more than the caps allow).
 */
public final class ArchiveException extends Exception {
  public ArchiveException(String message) {
    super(message);
  }

  public ArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
