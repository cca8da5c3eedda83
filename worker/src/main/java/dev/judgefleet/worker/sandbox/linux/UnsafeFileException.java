package dev.judgefleet.worker.sandbox.linux;

/** The worker refused a file a sandboxed program could have tampered with. */
public final class UnsafeFileException extends RuntimeException {
  public UnsafeFileException(String message) {
    super(message);
  }
}
