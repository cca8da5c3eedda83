package dev.judgefleet.worker.problem.store;

/**
 * Caps on what one package may hold, applied when it is packed (so a setter hears it at push time)
 * and again when a node unpacks it (so a hostile or corrupt archive, a decompression bomb, cannot
 * fill the node's disk).
 *
 * @param maxBytes the most bytes of file content, all files together
 * @param maxEntries the most files and directories
 * @param maxPathChars the longest path of an entry, in characters
 */
public record UnpackLimits(long maxBytes, int maxEntries, int maxPathChars) {
  /** 8 GiB and 2,000,000 entries: above what the loader accepts, so the loader's caps speak. */
  public static final UnpackLimits DEFAULTS = new UnpackLimits(8L << 30, 2_000_000, 4096);

  public UnpackLimits {
    if (maxBytes <= 0 || maxEntries <= 0 || maxPathChars <= 0) {
      throw new IllegalArgumentException(
          "unpack limits must be positive: " + maxBytes + ", " + maxEntries + ", " + maxPathChars);
    }
  }
}
