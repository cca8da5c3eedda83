package dev.judgefleet.worker.sandbox.linux;

/** A system call that failed, with the call as written and the errno by name. */
public final class NativeCallException extends RuntimeException {
  private final String call;
  private final int errno;

  public NativeCallException(String call, int errno) {
    super(call + ": " + Errno.describe(errno));
    this.call = call;
    this.errno = errno;
  }

  public String call() {
    return call;
  }

  public int errno() {
    return errno;
  }

  public String errnoName() {
    return Errno.name(errno);
  }
}
