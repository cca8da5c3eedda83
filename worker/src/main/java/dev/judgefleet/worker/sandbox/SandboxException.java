package dev.judgefleet.worker.sandbox;

/** A sandbox could not be created; the error names the failing step. */
public final class SandboxException extends RuntimeException {
  private final SetupError error;

  public SandboxException(SetupError error) {
    super(error.message());
    this.error = error;
  }

  public SandboxException(String message, Throwable cause) {
    super(message, cause);
    this.error = null;
  }

  /** The failing step, when the init reported one. */
  public SetupError error() {
    return error;
  }
}
