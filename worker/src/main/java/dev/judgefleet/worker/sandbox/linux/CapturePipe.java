package dev.judgefleet.worker.sandbox.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.judgefleet.worker.sandbox.plan.Kernel;
import dev.judgefleet.worker.sandbox.plan.Kernel.Fcntl;
import java.io.Closeable;
import java.nio.file.Path;

/**
 * One output stream of a run, captured through a pipe into a host file the program never holds. The
 * program gets the pipe's write end; the worker moves what arrives into the file (splice(2), no
 * copy through Java) and stops at the output limit plus one byte, which proves the limit was
 * exceeded. A program cannot reserve disk through its stdout (fallocate(2) on a pipe fails), cannot
 * learn a host path from it, and its output's page cache is charged to the worker, not to the run's
 * memory.
 */
public final class CapturePipe implements Closeable {
  private static final int PIPE_BYTES = 1 << 20;
  private static final int COPY_BUFFER = 64 * 1024;
  private static final long DRAIN_TIMEOUT_NANOS = 5_000_000_000L;

  private final Path file;
  private final String what;
  private final long limitBytes;
  private final int readEnd;
  private int writeEnd;
  private final int fileFd;
  private long bytes;
  private boolean ended;
  private boolean spliceRefused;
  private Memory copyBuffer;

  private CapturePipe(
      Path file, String what, long limitBytes, int readEnd, int writeEnd, int fileFd) {
    this.file = file;
    this.what = what;
    this.limitBytes = limitBytes;
    this.readEnd = readEnd;
    this.writeEnd = writeEnd;
    this.fileFd = fileFd;
  }

  /**
   * A pipe whose contents go to {@code file} (created or truncated, 0644, never followed through a
   * link), at most {@code limitBytes + 1} bytes of it.
   */
  public static CapturePipe open(Path file, String what, long limitBytes) {
    int[] ends = new int[2];
    try {
      LibC.pipe2(ends, Fcntl.O_CLOEXEC);
    } catch (LastErrorException e) {
      throw Errno.failure("pipe2(O_CLOEXEC) for " + what, e);
    }
    int fd = -1;
    try {
      // Only our end is non-blocking: the program blocks on a full pipe, as on a slow terminal.
      LibC.fcntl(ends[0], Kernel.Fcntl.F_SETFL, Fcntl.O_NONBLOCK);
      fd =
          HostFiles.open(
              file, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_NOFOLLOW, 0644);
    } catch (LastErrorException e) {
      Fds.closeAll(ends);
      throw Errno.failure("fcntl(pipe for " + what + ", F_SETFL, O_NONBLOCK)", e);
    } catch (RuntimeException e) {
      Fds.closeAll(ends);
      throw e;
    }
    try {
      // A roomy buffer: fewer wake-ups for the worker, fewer stalls for a chatty program (pipe(7)).
      LibC.fcntl(ends[1], Kernel.Fcntl.F_SETPIPE_SZ, PIPE_BYTES);
    } catch (LastErrorException e) {
      // Above /proc/sys/fs/pipe-max-size: the default 64 KiB works too.
    }
    return new CapturePipe(file, what, limitBytes, ends[0], ends[1], fd);
  }

  /**
   * The end the program writes to. Pass it to the run, then {@link #closeWriteEnd()}: while the
   * worker holds it, the pipe never reaches its end.
   */
  public int writeEnd() {
    return writeEnd;
  }

  /** Lets go of the worker's copy of the write end (idempotent). */
  public void closeWriteEnd() {
    Fds.closeQuietly(writeEnd);
    writeEnd = -1;
  }

  int readEnd() {
    return readEnd;
  }

  public Path file() {
    return file;
  }

  /** Bytes captured so far: at most the limit plus one. */
  public long bytes() {
    return bytes;
  }

  /** Whether the stream went past the output limit. */
  public boolean overLimit() {
    return bytes > limitBytes;
  }

  /** Whether nothing more will be read: the writers are gone, or the limit was passed. */
  public boolean ended() {
    return ended || overLimit();
  }

  /**
   * Moves what the pipe holds now into the file, without blocking.
   *
   * @return the bytes moved
   */
  public long drain() {
    if (ended()) {
      return 0;
    }
    long want = Math.min(PIPE_BYTES, limitBytes + 1 - bytes);
    long n;
    try {
      n = spliceRefused ? copy(want) : splice(want);
    } catch (LastErrorException e) {
      if (e.getErrorCode() == Kernel.Errno.EAGAIN || e.getErrorCode() == Kernel.Errno.EINTR) {
        return 0;
      }
      throw Errno.failure("moving " + what + " to \"" + file + "\"", e);
    }
    if (n == 0) {
      ended = true;
    }
    bytes += n;
    return n;
  }

  /**
   * Moves everything still in the pipe once every writer is gone, up to the limit; gives up after 5
   * s should a writer survive somewhere (it cannot: the init reaps the whole run first).
   */
  public void drainToEnd() {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
    while (!ended() && System.nanoTime() < deadline) {
      if (drain() == 0 && !ended()) {
        ControlSocket.pollReadable(readEnd, 20);
      }
    }
  }

  private long splice(long want) {
    try {
      return LibC.splice(
          readEnd, Pointer.NULL, fileFd, Pointer.NULL, want, Kernel.Fcntl.SPLICE_F_NONBLOCK);
    } catch (LastErrorException e) {
      if (e.getErrorCode() != Kernel.Errno.EINVAL) {
        throw e;
      }
      // A file system without splice support for writes: copy through a buffer instead.
      spliceRefused = true;
      return copy(want);
    }
  }

  private long copy(long want) {
    if (copyBuffer == null) {
      copyBuffer = new Memory(COPY_BUFFER);
    }
    long n = LibC.read(readEnd, copyBuffer, Math.min(want, COPY_BUFFER));
    for (long written = 0; written < n; ) {
      written += LibC.write(fileFd, copyBuffer.share(written), n - written);
    }
    return n;
  }

  @Override
  public void close() {
    closeWriteEnd();
    Fds.closeQuietly(readEnd);
    Fds.closeQuietly(fileFd);
  }
}
