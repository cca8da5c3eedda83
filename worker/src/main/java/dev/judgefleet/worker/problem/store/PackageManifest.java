package dev.judgefleet.worker.problem.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A package's canonical content: every directory and file by path, each file with its mode (0644 or
 * 0755: only the executable bit is kept), size and SHA-256. Its SHA-256 is the package's digest.
 *
 * <p>The digest is of this list, not of the archive's bytes, so it does not depend on the tar or
 * gzip implementation: the same files give the same digest on any machine. One line per entry, in
 * order of path: {@code d PATH} or {@code f MODE SIZE SHA256 PATH}, after a first line naming the
 * format. Paths hold no control characters ({@link EntryPath}), so a newline ends each line.
 */
public final class PackageManifest {
  static final String HEADER = "judgefleet-package-v1";

  /** One directory or regular file of a package, with a path relative to the package root. */
  public record Entry(
      String path, boolean directory, boolean executable, long sizeBytes, String sha256Hex) {
    public Entry {
      if (directory && (executable || sizeBytes != 0 || sha256Hex != null)) {
        throw new IllegalArgumentException("a directory has no mode, size or hash: " + path);
      }
      if (!directory && (sizeBytes < 0 || sha256Hex == null || sha256Hex.length() != 64)) {
        throw new IllegalArgumentException("a file needs its size and SHA-256: " + path);
      }
    }

    static Entry directory(String path) {
      return new Entry(path, true, false, 0, null);
    }

    static Entry file(String path, boolean executable, long sizeBytes, byte[] sha256) {
      return new Entry(path, false, executable, sizeBytes, HexFormat.of().formatHex(sha256));
    }

    String line() {
      return directory
          ? "d " + path
          : "f " + (executable ? "755" : "644") + " " + sizeBytes + " " + sha256Hex + " " + path;
    }
  }

  private final List<Entry> entries;

  public PackageManifest(List<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::path));
    this.entries = List.copyOf(sorted);
  }

  public List<Entry> entries() {
    return entries;
  }

  public long fileBytes() {
    return entries.stream().mapToLong(Entry::sizeBytes).sum();
  }

  public int files() {
    return (int) entries.stream().filter(e -> !e.directory()).count();
  }

  /** The canonical text whose SHA-256 is the digest. */
  public String text() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (Entry entry : entries) {
      text.append(entry.line()).append('\n');
    }
    return text.toString();
  }

  public PackageDigest digest() {
    return new PackageDigest(
        HexFormat.of().formatHex(sha256().digest(text().getBytes(StandardCharsets.UTF_8))));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
