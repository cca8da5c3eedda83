package dev.judgefleet.worker.judge;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to a pool, with its failure rethrown as the worker's own. */
final class Futures {
  private Futures() {}

  /** The result; a task's runtime exception is rethrown as it was, anything else wrapped. */
  static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
