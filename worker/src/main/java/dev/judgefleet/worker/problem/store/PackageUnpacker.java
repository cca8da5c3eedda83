package dev.judgefleet.worker.problem.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a package archive from a stream it does not trust into a fresh directory, hashing as it
 * goes, and returns the manifest of what it wrote (whose digest the caller compares with the name
 * the archive was fetched by).
 *
 * <p>Refused, with nothing written outside the directory: an entry whose path is absolute, holds
 * {@code ..} or is otherwise not a plain relative path ({@link EntryPath}); a symbolic or hard
 * link, a device, a FIFO or anything else that is not a regular file or a directory; the same path
 * twice; more entries or more bytes than the {@link UnpackLimits} allow (checked as bytes arrive,
 * so a decompression bomb stops at the cap); more than a little data after the archive's end. Files
 * are created new ({@code O_EXCL}, never through a symlink), 0644 or 0755.
 */
public final class PackageUnpacker {
  /** The most bytes read after the tar's end-of-archive (its block padding is well under it). */
  private static final int TRAILER_BYTES = 1 << 20;

  private PackageUnpacker() {}

  /**
   * An I/O failure of the stream the archive is read from (the network), as opposed to a failure of
   * the archive's format: the first means "try again later", the second "this object is bad".
   */
  public static final class SourceException extends IOException {
    SourceException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * Unpacks the gzip-compressed tar read from {@code source} into {@code target}, which must not
   * exist yet.
   *
   * @throws SourceException if reading {@code source} failed
   * @throws ArchiveException if the archive is corrupt, truncated or holds what a package may not
   * @throws IOException if writing under {@code target} failed
   */
  public static PackageManifest unpack(InputStream source, Path target, UnpackLimits limits)
      throws IOException, ArchiveException {
    Files.createDirectory(target);
    List<PackageManifest.Entry> entries = new ArrayList<>();
    long bytes = 0;
    byte[] buffer = new byte[256 * 1024];
    try (GZIPInputStream gzip = new GZIPInputStream(new Tagged(source), 1 << 16);
        TarArchiveInputStream tar = new TarArchiveInputStream(gzip, "UTF-8")) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        String path = path(entry, limits);
        if (entries.size() >= limits.maxEntries()) {
          throw new ArchiveException(
              "more than " + limits.maxEntries() + " entries, the most a package may hold");
        }
        Path out = target.resolve(path).normalize();
        if (!out.startsWith(target) || out.equals(target)) {
          throw new ArchiveException("entry '" + path + "': leads outside the package");
        }
        if (entry.isDirectory()) {
          directory(out, path);
          entries.add(PackageManifest.Entry.directory(path));
          continue;
        }
        if (entry.getSize() > limits.maxBytes() - bytes) {
          throw bomb(limits);
        }
        Path parent = out.getParent();
        if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
          directory(parent, path);
        }
        MessageDigest sha256 = PackageManifest.sha256();
        long size = 0;
        try (OutputStream file =
            Files.newOutputStream(
                out,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
          for (int n; (n = tar.read(buffer)) > 0; ) {
            size += n;
            if (bytes + size > limits.maxBytes()) {
              throw bomb(limits);
            }
            file.write(buffer, 0, n);
            sha256.update(buffer, 0, n);
          }
        } catch (FileAlreadyExistsException e) {
          throw new ArchiveException("entry '" + path + "': the same path twice", e);
        }
        bytes += size;
        boolean executable = (entry.getMode() & 0100) != 0;
        Files.setPosixFilePermissions(
            out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        entries.add(PackageManifest.Entry.file(path, executable, size, sha256.digest()));
      }
      drain(gzip, buffer);
    } catch (SourceException e) {
      throw e;
    } catch (ArchiveException e) {
      throw e;
    } catch (IOException e) {
      if (e.getCause() instanceof SourceException failed) {
        throw failed;
      }
      if (under(e, target)) {
        throw e;
      }
      throw new ArchiveException("corrupt or truncated archive: " + describe(e), e);
    }
    return new PackageManifest(entries);
  }

  private static String path(TarArchiveEntry entry, UnpackLimits limits) throws ArchiveException {
    String name = entry.getName();
    if (!entry.isDirectory() && !regularFile(entry)) {
      throw new ArchiveException(
          "entry '"
              + name
              + "': "
              + kind(entry)
              + "; a package archive holds only files and"
              + " directories");
    }
    String path =
        entry.isDirectory() && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    String problem = EntryPath.problem(path, limits.maxPathChars());
    if (problem != null) {
      throw new ArchiveException("entry '" + name + "': " + problem);
    }
    return path;
  }

  /**
   * A regular file: commons-compress's {@code isFile()} is true for any type it does not know as a
   * directory, links and devices included, so those are ruled out one by one.
   */
  private static boolean regularFile(TarArchiveEntry entry) {
    return entry.isFile()
        && !entry.isSymbolicLink()
        && !entry.isLink()
        && !entry.isCharacterDevice()
        && !entry.isBlockDevice()
        && !entry.isFIFO()
        && !entry.isSparse();
  }

  private static String kind(TarArchiveEntry entry) {
    if (entry.isSymbolicLink()) {
      return "a symbolic link to '" + entry.getLinkName() + "'";
    }
    if (entry.isLink()) {
      return "a hard link to '" + entry.getLinkName() + "'";
    }
    if (entry.isCharacterDevice() || entry.isBlockDevice()) {
      return "a device";
    }
    if (entry.isFIFO()) {
      return "a FIFO";
    }
    return entry.isSparse() ? "a sparse file" : "neither a file nor a directory";
  }

  private static void directory(Path dir, String path) throws IOException, ArchiveException {
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new ArchiveException("entry '" + path + "': a file where a directory must be", e);
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static ArchiveException bomb(UnpackLimits limits) {
    return new ArchiveException(
        "unpacks to more than "
            + limits.maxBytes()
            + " bytes, the most a package may hold (a decompression bomb?)");
  }

  /** Reads what follows the tar's end to the gzip trailer, so the gzip CRC is checked too. */
  private static void drain(InputStream gzip, byte[] buffer) throws IOException, ArchiveException {
    long after = 0;
    for (int n; (n = gzip.read(buffer)) > 0; ) {
      after += n;
      if (after > TRAILER_BYTES) {
        throw new ArchiveException(
            "more than " + TRAILER_BYTES + " bytes after the end of the archive");
      }
    }
  }

  /** Whether {@code e} is about a file under {@code target} (a local write failure). */
  private static boolean under(IOException e, Path target) {
    return e instanceof java.nio.file.FileSystemException fse
        && fse.getFile() != null
        && Path.of(fse.getFile()).startsWith(target);
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Marks the source's own failures, so they are not taken for a corrupt archive. */
  private static final class Tagged extends FilterInputStream {
    Tagged(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw new SourceException(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw new SourceException(e);
      }
    }
  }
}
