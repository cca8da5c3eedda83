package dev.judgefleet.worker.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One output stream of a run: where it was written on the host, how big it got, and its head.
 *
 * @param file the host file holding the whole stream (up to the output limit), or null when the
 *     stream went to a pipe
 * @param bytes the file's size
 * @param truncated whether the stream reached the output limit, so the tail was cut off
 * @param head the first bytes, at most the capture cap
 */
public record CapturedOutput(Path file, long bytes, boolean truncated, byte[] head) {
  /** Nothing captured: the stream went elsewhere, or the run never started. */
  public static final CapturedOutput NONE = new CapturedOutput(null, 0, false, new byte[0]);

  public CapturedOutput {
    head = head.clone();
  }

  @Override
  public byte[] head() {
    return head.clone();
  }

  /** The head as UTF-8 text, malformed bytes replaced. */
  public String headText() {
    return new String(head, StandardCharsets.UTF_8);
  }
}
