package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Phase;

/** Hears where a judging is: compiling, running test i of n, done. */
public interface ProgressListener {
  ProgressListener NONE = (phase, test, of) -> {};

  /**
   * @param test the test about to run (1-based), or 0 outside RUNNING
   * @param of how many tests there are at most
   */
  void progress(Phase phase, int test, int of);
}
