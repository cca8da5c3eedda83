package dev.judgefleet.worker.sandbox.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A small kernel file kept open and read again and again from its start (a cgroup's CPU counter
 * while a run is supervised): one pread(2) per look, no allocation but the string.
 */
public final class PolledFile implements Closeable {
  private static final int BUFFER = 4096;

  private final Path path;
  private final int fd;
  private final Memory buffer = new Memory(BUFFER);
  private boolean closed;

  public PolledFile(Path path) {
    this.path = path;
    this.fd = KernelFiles.openForReading(path);
  }

  public String read() {
    long n;
    try {
      n = LibC.pread(fd, buffer, BUFFER, 0);
    } catch (LastErrorException e) {
      throw Errno.failure("pread(" + path + ")", e);
    }
    return new String(buffer.getByteArray(0, (int) n), StandardCharsets.US_ASCII);
  }

  /** The first number in the file ({@code cpuacct.usage}, {@code pids.current}). */
  public long readLong() {
    return Long.parseLong(read().strip().split("\\s+", 2)[0]);
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      Fds.closeQuietly(fd);
    }
  }
}
