package dev.judgefleet.worker.sandbox.linux;

import com.sun.jna.LastErrorException;

/**
 * Names for error numbers ({@code EPERM}, not JNA's "errno: 1"); the numbers are {@code
 * Kernel.Errno}'s.
 */
public final class Errno {

  private Errno() {}

  /** {@code EPERM}, or {@code errno 1234} for a number libc does not know. */
  public static String name(int errno) {
    if (errno == 0) {
      return "0";
    }
    String name = LibC.strerrorname_np(errno);
    return name != null ? name : "errno " + errno;
  }

  /** {@code EPERM (Operation not permitted)}. */
  public static String describe(int errno) {
    return name(errno) + " (" + LibC.strerror(errno) + ")";
  }

  /** An exception naming the call and its arguments: {@code open("/x", O_RDONLY): ENOENT}. */
  public static NativeCallException failure(String call, LastErrorException e) {
    return new NativeCallException(call, e.getErrorCode());
  }
}
