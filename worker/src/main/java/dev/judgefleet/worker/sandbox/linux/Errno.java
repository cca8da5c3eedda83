package dev.judgefleet.worker.sandbox.linux;

import com.sun.jna.LastErrorException;

/** Names for error numbers: {@code EPERM}, not JNA's "errno: 1". */
public final class Errno {
  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int EINTR = 4;
  public static final int EAGAIN = 11;
  public static final int EBUSY = 16;
  public static final int EEXIST = 17;
  public static final int EINVAL = 22;
  public static final int EFBIG = 27;
  public static final int ENOSPC = 28;
  public static final int ECHILD = 10;
  public static final int ENOSYS = 38;
  public static final int ELOOP = 40;
  public static final int EXDEV = 18;
  public static final int EAFNOSUPPORT = 97;

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
