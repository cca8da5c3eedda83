package dev.judgefleet.worker.problem.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Packs a package directory into its canonical archive: a gzip-compressed POSIX tar of its
 * directories and regular files in order of path, every entry with mtime 0, owner 0:0 and no owner
 * names, mode 0755 for directories and 0644 or 0755 for files. The same files give the same bytes
 * (with the same tar and zlib), and always the same {@link PackageManifest digest}.
 *
 * <p>A symlink inside the package is stored as what it points to (archives hold no links, so a node
 * never has to decide whether one is safe); one that leads out of the package, dangles or loops
 * back to an ancestor is refused. Version-control directories ({@code .git}, {@code .hg}, {@code
 * .svn}) are left out.
 */
public final class PackageArchive {
  private static final Set<String> SKIPPED = Set.of(".git", ".hg", ".svn");

  /** Fixed for every entry: the bytes of an archive depend on the files alone. */
  private static final FileTime EPOCH = FileTime.fromMillis(0);

  static final int FILE_MODE = 0100644;
  static final int EXECUTABLE_MODE = 0100755;
  static final int DIRECTORY_MODE = 040755;

  /** What was packed: the digest, the manifest it is the hash of, and the archive's size. */
  public record Packed(PackageDigest digest, PackageManifest manifest, long archiveBytes) {}

  private record Found(String path, Path real, boolean directory, boolean executable, long size) {}

  private PackageArchive() {}

  /**
   * Writes the canonical archive of the package in {@code dir} to {@code archive}.
   *
   * @throws ArchiveException if the package holds a link out of it, a loop, something that is
   *     neither a file nor a directory, or more than {@code limits} allow
   */
  public static Packed write(Path dir, Path archive, UnpackLimits limits)
      throws IOException, ArchiveException {
    Path root = dir.toRealPath();
    Walk found = new Walk(limits);
    walk(root, root, "", new HashSet<>(Set.of(root)), found);
    found.entries.sort((a, b) -> a.path().compareTo(b.path()));
    List<PackageManifest.Entry> entries = new ArrayList<>();
    byte[] buffer = new byte[256 * 1024];
    try (OutputStream file = Files.newOutputStream(archive);
        GZIPOutputStream gzip = new CompressingStream(new BufferedOutputStream(file, 1 << 16));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      tar.setAddPaxHeadersForNonAsciiNames(true);
      for (Found f : found.entries) {
        TarArchiveEntry entry = entry(f);
        tar.putArchiveEntry(entry);
        if (f.directory()) {
          entries.add(PackageManifest.Entry.directory(f.path()));
        } else {
          MessageDigest sha256 = PackageManifest.sha256();
          long copied = 0;
          try (InputStream in = Files.newInputStream(f.real())) {
            for (int n; (n = in.read(buffer)) > 0; ) {
              if (copied + n > f.size()) {
                throw new ArchiveException(f.path() + ": grew while it was being packed");
              }
              tar.write(buffer, 0, n);
              sha256.update(buffer, 0, n);
              copied += n;
            }
          }
          if (copied != f.size()) {
            throw new ArchiveException(f.path() + ": shrank while it was being packed");
          }
          entries.add(
              PackageManifest.Entry.file(f.path(), f.executable(), f.size(), sha256.digest()));
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
    PackageManifest manifest = new PackageManifest(entries);
    return new Packed(manifest.digest(), manifest, Files.size(archive));
  }

  private static TarArchiveEntry entry(Found f) {
    TarArchiveEntry entry;
    if (f.directory()) {
      entry = new TarArchiveEntry(f.path() + "/", TarArchiveEntry.LF_DIR, false);
      entry.setMode(DIRECTORY_MODE);
    } else {
      entry = new TarArchiveEntry(f.path(), TarArchiveEntry.LF_NORMAL, false);
      entry.setMode(f.executable() ? EXECUTABLE_MODE : FILE_MODE);
      entry.setSize(f.size());
    }
    entry.setModTime(EPOCH);
    entry.setIds(0, 0);
    entry.setNames("", "");
    return entry;
  }

  /** What a walk found so far, and the caps it checks as it goes. */
  private static final class Walk {
    final UnpackLimits limits;
    final List<Found> entries = new ArrayList<>();
    long bytes;

    Walk(UnpackLimits limits) {
      this.limits = limits;
    }

    void add(Found found) throws ArchiveException {
      if (entries.size() >= limits.maxEntries()) {
        throw new ArchiveException("more than " + limits.maxEntries() + " files and directories");
      }
      bytes += found.size();
      if (bytes > limits.maxBytes()) {
        throw new ArchiveException(
            "the files hold more than " + limits.maxBytes() + " bytes, the most a package may");
      }
      entries.add(found);
    }
  }

  private static void walk(Path root, Path dir, String prefix, Set<Path> ancestors, Walk out)
      throws IOException, ArchiveException {
    UnpackLimits limits = out.limits;
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.sorted().toList();
    }
    for (Path child : children) {
      String name = child.getFileName().toString();
      String path = prefix.isEmpty() ? name : prefix + "/" + name;
      String problem = EntryPath.problem(path, limits.maxPathChars());
      if (problem != null) {
        throw new ArchiveException(path + ": " + problem);
      }
      PosixFileAttributes attributes =
          Files.readAttributes(child, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isDirectory() && SKIPPED.contains(name)) {
        continue;
      }
      Path real = child;
      if (attributes.isSymbolicLink()) {
        real = resolveLink(root, child, path);
        attributes = Files.readAttributes(real, PosixFileAttributes.class);
      }
      if (attributes.isDirectory()) {
        if (ancestors.contains(real)) {
          throw new ArchiveException(path + ": a symlink loop (it leads back to an ancestor)");
        }
        out.add(new Found(path, real, true, false, 0));
        ancestors.add(real);
        walk(root, real, path, ancestors, out);
        ancestors.remove(real);
      } else if (attributes.isRegularFile()) {
        boolean executable = attributes.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
        out.add(new Found(path, real, false, executable, attributes.size()));
      } else {
        throw new ArchiveException(path + ": neither a regular file nor a directory");
      }
    }
  }

  private static Path resolveLink(Path root, Path link, String path) throws ArchiveException {
    Path real;
    try {
      real = link.toRealPath();
    } catch (NoSuchFileException e) {
      throw new ArchiveException(path + ": a broken symlink", e);
    } catch (FileSystemException e) {
      throw new ArchiveException(path + ": a symlink that cannot be resolved: " + e.getReason(), e);
    } catch (IOException e) {
      throw new ArchiveException(path + ": cannot resolve the symlink: " + e, e);
    }
    if (!real.startsWith(root)) {
      throw new ArchiveException(path + ": a symlink to " + real + ", outside the package");
    }
    return real;
  }

  /**
   * gzip without a file name or time in its header (Java writes none), at the fastest level: a
   * setter's push of a 100 MB package compresses several times faster than at the default level,
   * for an archive about a tenth larger; unpacking costs the same. (The digest does not depend on
   * it: it is of the content.)
   */
  private static final class CompressingStream extends GZIPOutputStream {
    CompressingStream(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
