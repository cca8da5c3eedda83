package dev.judgefleet.worker.sandbox.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import dev.judgefleet.worker.sandbox.plan.Kernel;
import dev.judgefleet.worker.sandbox.plan.Kernel.Fcntl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads and writes small kernel files (cgroupfs, procfs) with errors that name the file, the value
 * and the errno: {@code write("268435456" to .../memory.max): EBUSY}. Java's own file API loses the
 * errno, and an operator needs it.
 */
public final class KernelFiles {
  private static final int MAX_INTERRUPTED_WRITES = 100;

  private KernelFiles() {}

  /** Writes {@code value} to {@code file} in one write(2), as cgroupfs expects. */
  public static void write(Path file, String value) {
    int fd;
    try {
      fd = LibC.open(file.toString(), Fcntl.O_WRONLY | Fcntl.O_CLOEXEC, 0);
    } catch (LastErrorException e) {
      throw Errno.failure("open(\"" + file + "\", O_WRONLY)", e);
    }
    try {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      Memory buffer = new Memory(Math.max(1, bytes.length));
      buffer.write(0, bytes, 0, bytes.length);
      writeRetryingInterrupts(fd, buffer, bytes.length);
    } catch (LastErrorException e) {
      throw Errno.failure("write(\"" + value.strip() + "\" to " + file + ")", e);
    } finally {
      Fds.closeQuietly(fd);
    }
  }

  /**
   * cgroup v1's memory.limit_in_bytes fails with EINTR whenever a signal is pending for the writing
   * thread (the memory controller checks before it even compares usage and limit): a SIGCHLD of a
   * sandbox init that ended is enough. The write had no effect then; it is made again.
   */
  private static void writeRetryingInterrupts(int fd, Memory buffer, int length) {
    for (int attempt = 1; ; attempt++) {
      try {
        LibC.write(fd, buffer, length);
        return;
      } catch (LastErrorException e) {
        if (e.getErrorCode() != Kernel.Errno.EINTR || attempt == MAX_INTERRUPTED_WRITES) {
          throw e;
        }
      }
    }
  }

  /** Reads a whole small file. */
  public static String read(Path file) {
    int fd = openForReading(file);
    try {
      return readAt(fd, file);
    } finally {
      Fds.closeQuietly(fd);
    }
  }

  /** Opens a file to be read again and again with {@link #readAt} (a CPU counter, polled). */
  public static int openForReading(Path file) {
    try {
      return LibC.open(file.toString(), Fcntl.O_RDONLY | Fcntl.O_CLOEXEC, 0);
    } catch (LastErrorException e) {
      throw Errno.failure("open(\"" + file + "\", O_RDONLY)", e);
    }
  }

  /** Reads the file behind {@code fd} from its start; the kernel regenerates it on each read. */
  public static String readAt(int fd, Path file) {
    return new String(Fds.readAllFromStart(fd, file.toString()), StandardCharsets.UTF_8);
  }

  public static void close(int fd) {
    Fds.closeQuietly(fd);
  }
}
