package dev.judgefleet.worker.judge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a pipe to its end and throws the bytes away: the sink for one side of an interactive run
 * once the side that was reading has ended, so that the writer neither dies of SIGPIPE nor blocks
 * on a full pipe. problemtools' runner never closes the validator-to-submission read end for the
 * same reason; draining also covers a writer that fills the pipe's buffer.
 *
 * <p>The worker holds the pipe's read end as a bare descriptor; it is reached through {@code
 * /proc/self/fd}, the worker's own descriptor table. Opening an anonymous pipe that way never waits
 * for a writer (fifo_open does so only for named FIFOs), and end-of-file comes when the last write
 * end is closed.
 */
final class PipeDrain {
  private static final int BUFFER_BYTES = 64 * 1024;

  private PipeDrain() {}

  /**
   * Opens the read end {@code fd} a second time, for the drain; the caller may close {@code fd}
   * once this returns. Must be called while {@code fd} is still open.
   */
  static InputStream open(int fd) throws IOException {
    return Files.newInputStream(Path.of("/proc/self/fd/" + fd));
  }

  /**
   * Reads {@code in} to end-of-file, discarding everything; returns how many bytes it threw away.
   */
  static long discard(InputStream in) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    long total = 0;
    try (in) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
      }
    }
    return total;
  }
}
