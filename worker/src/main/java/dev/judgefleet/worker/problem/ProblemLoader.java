package dev.judgefleet.worker.problem;

import java.nio.file.Path;

/** Loads a problem package directory. To be implemented: see the issue-3 notes. */
public final class ProblemLoader {
  private ProblemLoader() {}

  /**
   * Loads the package at {@code dir}.
   *
   * @throws ProblemException naming the problem and the file when the package is broken
   */
  public static ProblemPackage load(Path dir) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
