package dev.judgefleet.worker.sandbox.linux;

import com.sun.jna.LastErrorException;

/** Small descriptor helpers shared by the JNA classes. */
final class Fds {
  private Fds() {}

  static void closeQuietly(int fd) {
    if (fd < 0) {
      return;
    }
    try {
      LibC.close(fd);
    } catch (LastErrorException ignored) {
      // Closing is best effort: the descriptor is gone either way (close(2), NOTES).
    }
  }

  static void closeAll(int[] fds) {
    for (int fd : fds) {
      closeQuietly(fd);
    }
  }

  /** Reads a whole descriptor from offset 0 (pread), for small kernel-made files. */
  static byte[] readAllFromStart(int fd, String what) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    com.sun.jna.Memory buffer = new com.sun.jna.Memory(64 * 1024);
    long offset = 0;
    for (; ; ) {
      long n;
      try {
        n = LibC.pread(fd, buffer, buffer.size(), offset);
      } catch (LastErrorException e) {
        throw Errno.failure("pread(" + what + ")", e);
      }
      if (n == 0) {
        return out.toByteArray();
      }
      out.write(buffer.getByteArray(0, (int) n), 0, (int) n);
      offset += n;
    }
  }
}
