package dev.judgefleet.worker.sandbox.linux;

/** The sandbox's init is gone: the sandbox cannot serve another run. */
public final class InitGoneException extends RuntimeException {
  public InitGoneException(String message) {
    super(message);
  }
}
