package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictReason;
import dev.judgefleet.worker.problem.TestCase;
import dev.judgefleet.worker.sandbox.Redirect;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunSpec;
import dev.judgefleet.worker.sandbox.Sandbox;
import dev.judgefleet.worker.sandbox.WorkerPipes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * Runs one pass of an interactive problem's test: the validator and the submission, each in its own
 * sandbox, talk through two pipes (the validator's stdout is the submission's stdin and back). Only
 * the submission's CPU time counts; a side that stops talking is ended by its own limits.
 *
 * <p>The verdict follows the specification's precedence ({@link TestVerdict#interactive}); which
 * side exited first is decided here.
 *
 * <p>"Exited first" is decided by cause, not by a race of clocks: the worker keeps its own copy of
 * the write end of the pipe into the validator until the submission's run is over, and only then
 * lets the validator see end-of-file. A validator that exited before that moment cannot have been
 * reacting to the submission's exit, however close the two were.
 *
 * <p>Neither side can be killed by the other's exit (problemtools' interactive runner keeps the
 * read ends for the same reason): the worker keeps a copy of both read ends, and once the side that
 * was reading one of them has ended, it drains that pipe to its end ({@link PipeDrain}). A
 * submission that writes after the validator accepted and exited is not killed by SIGPIPE into RE,
 * nor blocked on a full pipe into TLE; a validator that writes to a submission that exited early is
 * not killed into IE, and goes on to read end-of-file and give its verdict.
 */
final class InteractiveExecution implements TestExecution.PassStep {
  private final Sandbox sandbox;
  private final RunSpec program;
  private final ValidatorRunner validator;
  private final ExecutorService executor;

  InteractiveExecution(
      Sandbox sandbox, RunSpec program, ValidatorRunner validator, ExecutorService executor) {
    this.sandbox = sandbox;
    this.program = program;
    this.validator = validator;
    this.executor = executor;
  }

  @Override
  public TestExecution.Pass run(TestCase test, Path input, int pass) {
    int[] toSubmission = WorkerPipes.create();
    int[] fromSubmission;
    try {
      fromSubmission = WorkerPipes.create();
    } catch (RuntimeException e) {
      WorkerPipes.close(toSubmission[0]);
      WorkerPipes.close(toSubmission[1]);
      throw e;
    }
    RunSpec validatorSpec =
        validator.interactiveSpec(
            test,
            input,
            pass,
            // Not handed over: drained once the validator is gone (see the class comment).
            new Redirect.Pipe(fromSubmission[0], "submission's output", false),
            new Redirect.Pipe(toSubmission[1], "submission's input", true),
            program.limits().wallTime());
    RunSpec submissionSpec =
        program
            .withArgs(test.args())
            // Not handed over: drained once the submission is gone.
            .withStdin(new Redirect.Pipe(toSubmission[0], "validator's output", false))
            // Not handed over: the worker's copy holds the validator's end-of-file back.
            .withStdout(new Redirect.Pipe(fromSubmission[1], "validator's input", false));
    CompletableFuture<RunResult> validatorRun =
        CompletableFuture.supplyAsync(
            () -> {
              RunResult r = null;
              try {
                // Handed-over descriptors are closed by the sandbox, even when it fails early.
                r = validator.run(validatorSpec);
              } finally {
                if (r == null || r.exitCode() == null || r.exitCode() != 42) {
                  // The verdict is decided: no need to let the submission run to its limit.
                  sandbox.requestKill();
                }
                // Whatever the submission writes from now on goes nowhere, harmlessly.
                drainThenClose(fromSubmission[0]);
              }
              return r;
            },
            executor);
    RunResult submission;
    long endOfFile;
    try {
      submission = sandbox.run(submissionSpec);
    } finally {
      endOfFile = System.nanoTime();
      WorkerPipes.close(fromSubmission[1]);
      // Whatever the validator writes from now on goes nowhere; it reads end-of-file.
      drainThenClose(toSubmission[0]);
    }
    RunResult validatorResult;
    try {
      validatorResult = validatorRun.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      validator.requestKill();
      return new TestExecution.Pass(
          Verdict.IE,
          submission,
          CheckResult.internalError(VerdictReason.JUDGE_FAILURE, "interrupted"));
    } catch (ExecutionException e) {
      return new TestExecution.Pass(
          Verdict.IE,
          submission,
          CheckResult.internalError(
              VerdictReason.JUDGE_FAILURE, "output validator: " + e.getCause().getMessage()));
    }
    CheckResult check = validator.interpret(validatorResult);
    boolean validatorFirst =
        validatorResult.exitedAtNanos() != 0 && validatorResult.exitedAtNanos() < endOfFile;
    return new TestExecution.Pass(
        TestVerdict.interactive(check.verdict(), validatorFirst, submission.status()),
        submission,
        check);
  }

  /**
   * Closes the worker's read end {@code fd} of a pipe whose reader has ended, after draining the
   * pipe until its writers are gone. The descriptor is closed exactly once, whatever happens.
   */
  private void drainThenClose(int fd) {
    InputStream drain;
    try {
      drain = PipeDrain.open(fd);
    } catch (IOException e) {
      // No drain: the writer may then die of SIGPIPE, which is what it did before draining existed.
      WorkerPipes.close(fd);
      return;
    }
    WorkerPipes.close(fd);
    try {
      PipeDrain.discard(drain);
    } catch (IOException e) {
      // The pipe went away under the drain: there is nothing left to protect.
    }
  }
}
