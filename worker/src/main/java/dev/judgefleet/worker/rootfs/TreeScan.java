package dev.judgefleet.worker.rootfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * A root filesystem tree, listed and hashed: every entry in a fixed order (depth first, names in
 * byte order), and the tree's digest, the sha256 of its manifest (one {@link TreeEntry#line()} per
 * entry). The digest names the image in the store and is what verification recomputes; it does not
 * depend on the filesystem, the order of readdir or modification times.
 *
 * @param entries every entry, parents before children
 * @param digest {@code sha256:<hex>} of the manifest
 * @param bytes the sum of the regular files' sizes
 */
public record TreeScan(List<TreeEntry> entries, String digest, long bytes) {
  private static final int BUFFER = 1 << 16;

  public TreeScan {
    entries = List.copyOf(entries);
  }

  /** Lists and hashes the tree under {@code root}; fails on anything but files, dirs and links. */
  public static TreeScan of(Path root) {
    List<TreeEntry> skeleton = new ArrayList<>();
    try {
      walk(root, "", skeleton);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the tree " + root + ": " + e.getMessage(), e);
    }
    TreeEntry[] entries = skeleton.toArray(TreeEntry[]::new);
    // Contents are hashed in parallel; the order stays the walk's.
    ForkJoinPool.commonPool().invoke(new HashFiles(root, entries, 0, entries.length));
    return fromEntries(Arrays.asList(entries));
  }

  /** The scan of a list of entries already hashed (a stored manifest). */
  public static TreeScan fromEntries(List<TreeEntry> entries) {
    MessageDigest sha = sha256();
    long bytes = 0;
    for (TreeEntry e : entries) {
      sha.update(e.line().getBytes(StandardCharsets.UTF_8));
      bytes += e.size();
    }
    return new TreeScan(entries, "sha256:" + HexFormat.of().formatHex(sha.digest()), bytes);
  }

  /** The manifest: the text the digest is the sha256 of. */
  public String manifest() {
    StringBuilder sb = new StringBuilder();
    entries.forEach(e -> sb.append(e.line()));
    return sb.toString();
  }

  /** Reads a manifest written by {@link #manifest()} back. */
  public static TreeScan parseManifest(String manifest) {
    List<TreeEntry> entries = new ArrayList<>();
    for (String line : manifest.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(" ", 7);
      if (f.length != 7 || f[0].length() != 1) {
        throw new IllegalArgumentException("bad manifest line: " + line);
      }
      String content = f[5].equals("-") ? "" : unescape(f[5]);
      entries.add(
          new TreeEntry(
              f[6],
              f[0].charAt(0),
              Integer.parseInt(f[1], 8),
              Integer.parseInt(f[2]),
              Integer.parseInt(f[3]),
              Long.parseLong(f[4]),
              content));
    }
    return fromEntries(entries);
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char next = s.charAt(++i);
        sb.append(next == 's' ? ' ' : next == 'n' ? '\n' : next);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The first entry in which this tree and {@code other} differ, in words, or empty. */
  public java.util.Optional<String> firstDifference(TreeScan other) {
    Map<String, TreeEntry> mine = byPath();
    Map<String, TreeEntry> theirs = other.byPath();
    for (TreeEntry e : entries) {
      TreeEntry o = theirs.get(e.path());
      if (o == null) {
        return java.util.Optional.of("/" + e.path() + " is missing");
      }
      if (!e.sameAs(o)) {
        return java.util.Optional.of("/" + e.path() + " differs");
      }
    }
    for (TreeEntry o : other.entries) {
      if (!mine.containsKey(o.path())) {
        return java.util.Optional.of("/" + o.path() + " was added");
      }
    }
    return java.util.Optional.empty();
  }

  /** The entries by path. */
  public Map<String, TreeEntry> byPath() {
    Map<String, TreeEntry> map = new LinkedHashMap<>();
    entries.forEach(e -> map.put(e.path(), e));
    return map;
  }

  /** The hex part of the digest. */
  public String hex() {
    return digest.substring("sha256:".length());
  }

  private static void walk(Path dir, String prefix, List<TreeEntry> out) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    }
    // Byte order of the UTF-8 names, so no locale or JDK collation enters the digest.
    children.sort(
        (a, b) ->
            Arrays.compareUnsigned(
                a.getFileName().toString().getBytes(StandardCharsets.UTF_8),
                b.getFileName().toString().getBytes(StandardCharsets.UTF_8)));
    for (Path child : children) {
      String path = prefix + child.getFileName();
      Map<String, Object> attrs =
          Files.readAttributes(child, "unix:mode,uid,gid,size", LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) attrs.get("mode");
      int uid = (Integer) attrs.get("uid");
      int gid = (Integer) attrs.get("gid");
      int perms = mode & 07777;
      switch (mode & 0170000) {
        case 0040000 -> {
          out.add(new TreeEntry(path, 'd', perms, uid, gid, 0, ""));
          walk(child, path + "/", out);
        }
        case 0100000 ->
            // The content hash is filled in by HashFiles.
            out.add(new TreeEntry(path, 'f', perms, uid, gid, (Long) attrs.get("size"), "?"));
        case 0120000 ->
            out.add(
                new TreeEntry(
                    path, 'l', perms, uid, gid, 0, Files.readSymbolicLink(child).toString()));
        default ->
            throw new IOException(
                "/"
                    + path
                    + " is a device, fifo or socket (mode 0"
                    + Integer.toOctalString(mode)
                    + "); an image holds only files, directories and links");
      }
    }
  }

  /** Hashes the regular files of a slice of the entries, splitting it for the pool. */
  private static final class HashFiles extends RecursiveAction {
    private static final long serialVersionUID = 1;
    private final transient Path root;
    private final transient TreeEntry[] entries;
    private final int from;
    private final int to;

    HashFiles(Path root, TreeEntry[] entries, int from, int to) {
      this.root = root;
      this.entries = entries;
      this.from = from;
      this.to = to;
    }

    @Override
    protected void compute() {
      if (to - from > 256) {
        int mid = (from + to) >>> 1;
        invokeAll(new HashFiles(root, entries, from, mid), new HashFiles(root, entries, mid, to));
        return;
      }
      byte[] buffer = new byte[BUFFER];
      for (int i = from; i < to; i++) {
        TreeEntry e = entries[i];
        if (e.type() == 'f') {
          entries[i] =
              new TreeEntry(
                  e.path(), 'f', e.mode(), e.uid(), e.gid(), e.size(), hash(root, e, buffer));
        }
      }
    }
  }

  private static String hash(Path root, TreeEntry e, byte[] buffer) {
    MessageDigest sha = sha256();
    long read = 0;
    try (InputStream in = Files.newInputStream(root.resolve(e.path()), LinkOption.NOFOLLOW_LINKS)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
        read += n;
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("reading /" + e.path() + ": " + ex.getMessage(), ex);
    }
    if (read != e.size()) {
      throw new UncheckedIOException(
          new IOException("/" + e.path() + " changed size while it was read"));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
