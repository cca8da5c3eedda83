package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.linux.Pipes;

/**
 * Pipes the worker holds between two sandboxes, as {@link Redirect.Pipe}s of their runs: an
 * interactive validator's output is the submission's input and back. The descriptors are the
 * worker's, close-on-exec, with a roomy buffer.
 */
public final class WorkerPipes {
  private WorkerPipes() {}

  /** A new pipe: {@code [read end, write end]}. */
  public static int[] create() {
    return Pipes.create();
  }

  /** Closes one end; a descriptor already gone is not an error. */
  public static void close(int fd) {
    Pipes.close(fd);
  }
}
