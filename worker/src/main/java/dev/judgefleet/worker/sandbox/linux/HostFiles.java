package dev.judgefleet.worker.sandbox.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.judgefleet.worker.sandbox.plan.Kernel;
import dev.judgefleet.worker.sandbox.plan.Kernel.Fcntl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * File access for the worker in directories a sandboxed program could have written. The host never
 * trusts the box: every open goes through openat2(2) with {@code RESOLVE_BENEATH |
 * RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV}, so a planted symlink, a {@code
 * ..} or a mount point stops the open instead of leading the worker elsewhere; only regular files
 * are read, and never more than the caller's cap.
 */
public final class HostFiles {
  private static final long RESOLVE_NO_XDEV = 0x01;
  private static final long RESOLVE_NO_MAGICLINKS = 0x02;
  private static final long RESOLVE_NO_SYMLINKS = 0x04;
  private static final long RESOLVE_BENEATH = 0x08;
  private static final long STRICT =
      RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV;
  private static final int STAT_SIZE = 144;
  private static final int ST_MODE_OFFSET = 24;
  private static final int ST_SIZE_OFFSET = 48;

  private HostFiles() {}

  /** What a capped read found. */
  public record Head(long size, byte[] bytes) {}

  /**
   * Reads {@code relative} beneath {@code dir}: a regular file, reached without any symlink, of at
   * most {@code maxBytes}.
   *
   * @throws UnsafeFileException if the path is not a plain regular file beneath {@code dir}, or
   *     bigger than the cap
   */
  public static byte[] readBeneath(Path dir, String relative, long maxBytes) {
    // O_NONBLOCK: a FIFO planted in place of a file must not hang the worker in open(2).
    int fd = openBeneath(dir, relative, Fcntl.O_RDONLY | Fcntl.O_NONBLOCK, 0);
    try {
      long size = regularFileSize(fd, dir, relative);
      if (size > maxBytes) {
        throw new UnsafeFileException(
            dir.resolve(relative) + " is " + size + " bytes, over the cap of " + maxBytes);
      }
      return readUpTo(fd, maxBytes, relative);
    } finally {
      Fds.closeQuietly(fd);
    }
  }

  /** Creates {@code relative} beneath {@code dir} (it must not exist) with {@code content}. */
  public static void writeNew(Path dir, String relative, byte[] content, int mode) {
    Memory buffer = new Memory(Math.max(1, content.length));
    buffer.write(0, content, 0, content.length);
    SpawnFence.whileWriting(
        () -> {
          int fd = openBeneath(dir, relative, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_EXCL, mode);
          try {
            long written = 0;
            while (written < content.length) {
              try {
                written += LibC.write(fd, buffer.share(written), content.length - written);
              } catch (LastErrorException e) {
                throw Errno.failure("write(" + dir.resolve(relative) + ")", e);
              }
            }
          } finally {
            Fds.closeQuietly(fd);
          }
        });
  }

  /** A regular file found beneath a directory, with its permission bits. */
  public record Entry(String relativePath, byte[] content, int mode) {}

  /**
   * Creates the directory {@code name} (one component) in {@code relative} beneath {@code dir} (""
   * for {@code dir} itself).
   */
  public static void mkdirBeneath(Path dir, String relative, String name, int mode) {
    requireComponent(name);
    int parent = openDirectoryBeneath(dir, relative);
    try {
      LibC.mkdirat(parent, name, mode);
    } catch (LastErrorException e) {
      throw Errno.failure("mkdirat(" + dir.resolve(relative).resolve(name) + ")", e);
    } finally {
      Fds.closeQuietly(parent);
    }
  }

  /** Removes the file {@code name} (one component) from {@code relative} beneath {@code dir}. */
  public static void unlinkBeneath(Path dir, String relative, String name) {
    requireComponent(name);
    int parent = openDirectoryBeneath(dir, relative);
    try {
      LibC.unlinkat(parent, name, 0);
    } catch (LastErrorException e) {
      if (e.getErrorCode() != Kernel.Errno.ENOENT) {
        throw Errno.failure("unlinkat(" + dir.resolve(relative).resolve(name) + ")", e);
      }
    } finally {
      Fds.closeQuietly(parent);
    }
  }

  /**
   * Every regular file beneath {@code dir}, recursively, read safely: no link is followed, other
   * file types are skipped, and the total is capped.
   *
   * @throws UnsafeFileException over {@code maxFiles} files or {@code maxBytes} bytes in all
   */
  public static List<Entry> snapshotBeneath(Path dir, int maxFiles, long maxBytes) {
    List<Entry> entries = new ArrayList<>();
    long[] total = {0};
    snapshot(dir, "", entries, total, maxFiles, maxBytes);
    return entries;
  }

  private static void snapshot(
      Path dir, String relative, List<Entry> out, long[] total, int maxFiles, long maxBytes) {
    int fd = openDirectoryBeneath(dir, relative);
    List<String> names;
    try (Stream<Path> list = Files.list(Path.of("/proc/self/fd/" + fd))) {
      names = list.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UnsafeFileException("cannot list " + dir.resolve(relative) + ": " + e.getMessage());
    } finally {
      Fds.closeQuietly(fd);
    }
    for (String name : names) {
      String path = relative.isEmpty() ? name : relative + "/" + name;
      int file = openBeneath(dir, path, Fcntl.O_RDONLY | Fcntl.O_NONBLOCK, 0);
      int mode;
      long size;
      try {
        Memory stat = new Memory(STAT_SIZE);
        LibC.fstat(file, stat);
        mode = stat.getInt(ST_MODE_OFFSET);
        size = stat.getLong(ST_SIZE_OFFSET);
        if ((mode & Kernel.Stat.S_IFMT) == Kernel.Stat.S_IFREG) {
          if (out.size() >= maxFiles || total[0] + size > maxBytes) {
            throw new UnsafeFileException(
                dir + " holds more than " + maxFiles + " files or " + maxBytes + " bytes");
          }
          total[0] += size;
          out.add(new Entry(path, readUpTo(file, size, path), mode & 07777));
        }
      } catch (LastErrorException e) {
        throw Errno.failure("fstat(" + dir.resolve(path) + ")", e);
      } finally {
        Fds.closeQuietly(file);
      }
      if ((mode & Kernel.Stat.S_IFMT) == Kernel.Stat.S_IFDIR) {
        snapshot(dir, path, out, total, maxFiles, maxBytes);
      }
    }
  }

  private static int openDirectoryBeneath(Path dir, String relative) {
    if (relative.isEmpty()) {
      try {
        return LibC.open(
            dir.toString(),
            Fcntl.O_RDONLY | Fcntl.O_DIRECTORY | Fcntl.O_NOFOLLOW | Fcntl.O_CLOEXEC,
            0);
      } catch (LastErrorException e) {
        throw Errno.failure("open(\"" + dir + "\", O_DIRECTORY|O_NOFOLLOW)", e);
      }
    }
    return openBeneath(dir, relative, Fcntl.O_RDONLY | Fcntl.O_DIRECTORY, 0);
  }

  private static void requireComponent(String name) {
    if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("not a single path component: '" + name + "'");
    }
  }

  /** Changes the owner of {@code relative} beneath {@code dir}, reached without symlinks. */
  public static void chownBeneath(Path dir, String relative, int uid, int gid) {
    int fd = openBeneath(dir, relative, Fcntl.O_RDONLY | Fcntl.O_NONBLOCK, 0);
    try {
      LibC.fchown(fd, uid, gid);
    } catch (LastErrorException e) {
      throw Errno.failure("fchown(" + dir.resolve(relative) + ", " + uid + ", " + gid + ")", e);
    } finally {
      Fds.closeQuietly(fd);
    }
  }

  /**
   * Reads at most {@code cap} bytes of a file the worker itself created (an output file), and its
   * size. O_NOFOLLOW: even the worker's own directory is not followed through a link.
   */
  public static Head head(Path file, int cap) {
    int fd;
    try {
      fd = LibC.open(file.toString(), Fcntl.O_RDONLY | Fcntl.O_NOFOLLOW | Fcntl.O_CLOEXEC, 0);
    } catch (LastErrorException e) {
      throw Errno.failure("open(\"" + file + "\", O_RDONLY|O_NOFOLLOW)", e);
    }
    try {
      long size = regularFileSize(fd, file.getParent(), file.getFileName().toString());
      return new Head(size, readUpTo(fd, cap, file.toString()));
    } finally {
      Fds.closeQuietly(fd);
    }
  }

  /** Opens a host file to pass into a sandbox; the descriptor is close-on-exec in the worker. */
  public static int open(Path file, int flags, int mode) {
    try {
      return LibC.open(file.toString(), flags | Fcntl.O_CLOEXEC, mode);
    } catch (LastErrorException e) {
      throw Errno.failure("open(\"" + file + "\", 0" + Integer.toOctalString(flags) + ")", e);
    }
  }

  public static void close(int fd) {
    Fds.closeQuietly(fd);
  }

  private static int openBeneath(Path dir, String relative, int flags, int mode) {
    int dirfd;
    try {
      dirfd =
          LibC.open(
              dir.toString(),
              Kernel.Fcntl.O_PATH | Fcntl.O_DIRECTORY | Fcntl.O_NOFOLLOW | Fcntl.O_CLOEXEC,
              0);
    } catch (LastErrorException e) {
      throw Errno.failure("open(\"" + dir + "\", O_PATH|O_DIRECTORY|O_NOFOLLOW)", e);
    }
    try {
      Memory how = new Memory(24);
      how.setLong(0, flags | Fcntl.O_NOFOLLOW | Fcntl.O_CLOEXEC);
      how.setLong(8, (flags & Fcntl.O_CREAT) != 0 ? mode : 0);
      how.setLong(16, STRICT);
      Memory path =
          new Memory(relative.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1L);
      path.setString(0, relative, "UTF-8");
      try {
        return (int)
            LibC.syscall(
                LibC.SYS_openat2, dirfd, Pointer.nativeValue(path), Pointer.nativeValue(how), 24);
      } catch (LastErrorException e) {
        String call =
            "openat2(\""
                + dir
                + "\", \""
                + relative
                + "\", RESOLVE_BENEATH|RESOLVE_NO_SYMLINKS|RESOLVE_NO_MAGICLINKS|RESOLVE_NO_XDEV)";
        int errno = e.getErrorCode();
        if (errno == Kernel.Errno.ELOOP || errno == Kernel.Errno.EXDEV) {
          throw new UnsafeFileException(
              "refusing "
                  + dir.resolve(relative)
                  + ": the path leaves the directory or goes"
                  + " through a link ("
                  + call
                  + ": "
                  + Errno.name(errno)
                  + ")");
        }
        throw new NativeCallException(call, errno);
      }
    } finally {
      Fds.closeQuietly(dirfd);
    }
  }

  private static long regularFileSize(int fd, Path dir, String relative) {
    return regularFileSize(fd, dir.resolve(relative));
  }

  /** The size of an open regular file; anything else (a FIFO, a device) is refused. */
  static long regularFileSize(int fd, Path file) {
    Memory stat = new Memory(STAT_SIZE);
    try {
      LibC.fstat(fd, stat);
    } catch (LastErrorException e) {
      throw Errno.failure("fstat(" + file + ")", e);
    }
    if ((stat.getInt(ST_MODE_OFFSET) & Kernel.Stat.S_IFMT) != Kernel.Stat.S_IFREG) {
      throw new UnsafeFileException("refusing " + file + ": not a regular file");
    }
    return stat.getLong(ST_SIZE_OFFSET);
  }

  private static byte[] readUpTo(int fd, long cap, String what) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Memory buffer = new Memory(64 * 1024);
    long total = 0;
    while (total < cap) {
      long want = Math.min(buffer.size(), cap - total);
      long n;
      try {
        n = LibC.read(fd, buffer, want);
      } catch (LastErrorException e) {
        if (e.getErrorCode() == Kernel.Errno.EINTR) {
          continue;
        }
        throw Errno.failure("read(" + what + ")", e);
      }
      if (n == 0) {
        break;
      }
      out.write(buffer.getByteArray(0, (int) n), 0, (int) n);
      total += n;
    }
    return out.toByteArray();
  }
}
