package dev.judgefleet.worker.rootfs;

/** An image that cannot be used: missing, partial, corrupted, or not built. */
public final class RootfsException extends RuntimeException {
  private static final long serialVersionUID = 1;

  public RootfsException(String message) {
    super(message);
  }

  public RootfsException(String message, Throwable cause) {
    super(message, cause);
  }
}
