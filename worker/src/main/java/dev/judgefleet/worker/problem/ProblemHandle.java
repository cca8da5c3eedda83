package dev.judgefleet.worker.problem;

/**
 * A package in use: its files stay where {@link ProblemPackage#root()} says (a cache does not evict
 * them) until the handle is closed.
 */
public interface ProblemHandle extends AutoCloseable {
  ProblemPackage problem();

  @Override
  void close();

  /** A handle on a package whose files nobody moves (a directory store's). */
  static ProblemHandle of(ProblemPackage problem) {
    return new ProblemHandle() {
      @Override
      public ProblemPackage problem() {
        return problem;
      }

      @Override
      public void close() {}
    };
  }
}
