package dev.judgefleet.worker.rootfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes one OCI layer (a gzip-compressed tar) of a tree, reproducibly: entries in the scan's
 * order, every modification time clamped to {@code SOURCE_DATE_EPOCH}, numeric owners without
 * names, PAX headers only for long names. Two builds of the same tree give the same bytes.
 */
public final class LayerWriter {
  /**
   * A written layer.
   *
   * @param digest {@code sha256:} of the compressed blob (the manifest's layer digest)
   * @param diffId {@code sha256:} of the uncompressed tar (the config's diff_id)
   * @param sizeBytes the compressed size
   */
  public record Layer(String digest, String diffId, long sizeBytes) {}

  private LayerWriter() {}

  /** The whole tree as one layer. */
  public static Layer full(Path root, TreeScan tree, long epochSeconds, Path blobs) {
    return write(root, tree.entries(), List.of(), epochSeconds, blobs);
  }

  /**
   * The layer that turns {@code lower} into {@code upper}: what is new or changed in upper (with
   * its parent directories), and a whiteout ({@code .wh.name}) for what upper no longer has.
   */
  public static Layer diff(
      Path upperRoot, TreeScan upper, TreeScan lower, long epochSeconds, Path blobs) {
    Map<String, TreeEntry> below = lower.byPath();
    Map<String, TreeEntry> above = upper.byPath();
    Set<String> wanted = new HashSet<>();
    for (TreeEntry e : upper.entries()) {
      TreeEntry old = below.get(e.path());
      if (old == null || !old.sameAs(e)) {
        wanted.add(e.path());
        for (String p = e.parent(); !p.isEmpty(); p = above.get(p).parent()) {
          wanted.add(p);
        }
      }
    }
    List<TreeEntry> entries = new ArrayList<>();
    for (TreeEntry e : upper.entries()) {
      if (wanted.contains(e.path())) {
        entries.add(e);
      }
    }
    List<String> whiteouts = new ArrayList<>();
    for (TreeEntry e : lower.entries()) {
      // A removed directory's whiteout covers its children.
      if (!above.containsKey(e.path()) && (e.parent().isEmpty() || above.containsKey(e.parent()))) {
        whiteouts.add((e.parent().isEmpty() ? "" : e.parent() + "/") + ".wh." + e.name());
      }
    }
    return write(upperRoot, entries, whiteouts, epochSeconds, blobs);
  }

  private static Layer write(
      Path root, List<TreeEntry> entries, List<String> whiteouts, long epoch, Path blobs) {
    try {
      Files.createDirectories(blobs);
      Path tmp = Files.createTempFile(blobs, ".layer-", "");
      MessageDigest compressed = TreeScan.sha256();
      MessageDigest plain = TreeScan.sha256();
      try (OutputStream file = Files.newOutputStream(tmp);
          DigestOutputStream gzDigest = new DigestOutputStream(file, compressed);
          GZIPOutputStream gz = new GZIPOutputStream(gzDigest, 1 << 16);
          DigestOutputStream tarDigest = new DigestOutputStream(gz, plain);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(tarDigest, "UTF-8")) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        Instant time = Instant.ofEpochSecond(epoch);
        for (TreeEntry e : entries) {
          add(tar, root, e, time);
        }
        for (String w : whiteouts) {
          TarArchiveEntry entry = new TarArchiveEntry(w, TarConstants.LF_NORMAL, true);
          header(entry, 0, 0, 0, time);
          tar.putArchiveEntry(entry);
          tar.closeArchiveEntry();
        }
        tar.finish();
      }
      String digest = HexFormat.of().formatHex(compressed.digest());
      long size = Files.size(tmp);
      Files.move(
          tmp,
          blobs.resolve(digest),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      return new Layer(
          "sha256:" + digest, "sha256:" + HexFormat.of().formatHex(plain.digest()), size);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a layer of " + root + ": " + e.getMessage(), e);
    }
  }

  private static void add(TarArchiveOutputStream tar, Path root, TreeEntry e, Instant time)
      throws IOException {
    TarArchiveEntry entry;
    switch (e.type()) {
      case 'd' -> entry = new TarArchiveEntry(e.path() + "/", TarConstants.LF_DIR, true);
      case 'l' -> {
        entry = new TarArchiveEntry(e.path(), TarConstants.LF_SYMLINK, true);
        entry.setLinkName(e.content());
      }
      default -> {
        entry = new TarArchiveEntry(e.path(), TarConstants.LF_NORMAL, true);
        entry.setSize(e.size());
      }
    }
    header(entry, e.mode(), e.uid(), e.gid(), time);
    tar.putArchiveEntry(entry);
    if (e.type() == 'f') {
      try (InputStream in =
          Files.newInputStream(root.resolve(e.path()), LinkOption.NOFOLLOW_LINKS)) {
        long copied = in.transferTo(tar);
        if (copied != e.size()) {
          throw new IOException("/" + e.path() + " changed size while the layer was written");
        }
      }
    }
    tar.closeArchiveEntry();
  }

  private static void header(TarArchiveEntry entry, int mode, int uid, int gid, Instant time) {
    int type = entry.isDirectory() ? 0040000 : entry.isSymbolicLink() ? 0120000 : 0100000;
    entry.setMode(type | mode);
    entry.setUserId(uid);
    entry.setGroupId(gid);
    entry.setUserName("");
    entry.setGroupName("");
    entry.setModTime(java.nio.file.attribute.FileTime.from(time));
  }
}
