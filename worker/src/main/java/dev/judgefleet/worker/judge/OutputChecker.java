package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.problem.TestCase;
import java.nio.file.Path;

/** Decides whether a submission's output for a test is right. */
public interface OutputChecker extends AutoCloseable {

  /** Starts a test: fresh feedback for it (multi-pass keeps it across the test's passes). */
  default void startTest(TestCase test) {}

  /**
   * Checks the output of one pass.
   *
   * @param input the input this pass was given (the test's .in, or the previous nextpass.in)
   * @param pass 1-based
   */
  CheckResult check(TestCase test, Path input, Path teamOutput, int pass);

  @Override
  default void close() {}
}
