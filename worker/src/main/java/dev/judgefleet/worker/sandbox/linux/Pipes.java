package dev.judgefleet.worker.sandbox.linux;

import com.sun.jna.LastErrorException;
import dev.judgefleet.worker.sandbox.plan.Kernel;

/** Pipes between two sandboxes (an interactive validator and a submission). */
public final class Pipes {

  /** A roomy buffer: a chatty side runs ahead instead of blocking on every line (pipe(7)). */
  private static final int BUFFER_BYTES = 1 << 20;

  private Pipes() {}

  /** A pipe: {@code [read end, write end]}, both close-on-exec in the worker. */
  public static int[] create() {
    int[] fds = new int[2];
    try {
      LibC.pipe2(fds, Kernel.Fcntl.O_CLOEXEC);
    } catch (LastErrorException e) {
      throw Errno.failure("pipe2(O_CLOEXEC)", e);
    }
    try {
      LibC.fcntl(fds[1], Kernel.Fcntl.F_SETPIPE_SZ, BUFFER_BYTES);
    } catch (LastErrorException e) {
      // Above /proc/sys/fs/pipe-max-size: the default 64 KiB buffer still works.
    }
    return fds;
  }

  public static void close(int fd) {
    Fds.closeQuietly(fd);
  }
}
