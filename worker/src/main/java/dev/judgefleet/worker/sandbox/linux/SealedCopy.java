package dev.judgefleet.worker.sandbox.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.judgefleet.worker.sandbox.plan.Kernel;
import dev.judgefleet.worker.sandbox.plan.Kernel.Fcntl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A private, immutable copy of a host file for a program's standard input: a memfd filled from the
 * file and sealed (memfd_create(2), fcntl(2) F_ADD_SEALS). The program never holds the host file,
 * so it cannot reopen it for writing through {@code /proc/self/fd/0} (a test input in a package may
 * be world-writable), and {@code readlink} shows {@code /memfd:stdin}, not a host path. It can
 * still seek and mmap its input, as with a file. The copy's pages belong to the worker, not to the
 * run: an input is not the program's memory.
 */
public final class SealedCopy {
  private static final long CHUNK = 1L << 30;
  private static final Memory NAME = name("stdin");

  private SealedCopy() {}

  private static Memory name(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
    Memory m = new Memory(bytes.length + 1L);
    m.write(0, bytes, 0, bytes.length);
    m.setByte(bytes.length, (byte) 0);
    return m;
  }

  /**
   * Copies {@code file} (a regular file; links are not followed) into a sealed memfd positioned at
   * offset 0. The caller owns the returned descriptor.
   */
  public static int of(Path file) {
    // O_NONBLOCK: a FIFO in place of the file must not hang the worker in open(2); fstat refuses
    // it.
    int source = HostFiles.open(file, Fcntl.O_RDONLY | Fcntl.O_NOFOLLOW | Fcntl.O_NONBLOCK, 0);
    int copy = -1;
    try {
      long size = HostFiles.regularFileSize(source, file);
      copy = memfd();
      long copied = 0;
      while (copied < size) {
        long n;
        try {
          n = LibC.sendfile(copy, source, Pointer.NULL, Math.min(CHUNK, size - copied));
        } catch (LastErrorException e) {
          if (e.getErrorCode() == Kernel.Errno.EINTR) {
            continue;
          }
          throw Errno.failure("sendfile(memfd stdin, \"" + file + "\", " + size + ")", e);
        }
        if (n == 0) {
          break; // The file shrank under us: the copy is what was there.
        }
        copied += n;
      }
      try {
        LibC.fcntl(
            copy,
            Kernel.Fcntl.F_ADD_SEALS,
            Kernel.Fcntl.F_SEAL_SHRINK
                | Kernel.Fcntl.F_SEAL_GROW
                | Kernel.Fcntl.F_SEAL_WRITE
                | Kernel.Fcntl.F_SEAL_SEAL);
        LibC.lseek(copy, 0, Kernel.Fcntl.SEEK_SET);
      } catch (LastErrorException e) {
        throw Errno.failure("sealing the copy of \"" + file + "\"", e);
      }
      int result = copy;
      copy = -1;
      return result;
    } finally {
      Fds.closeQuietly(source);
      Fds.closeQuietly(copy);
    }
  }

  private static int memfd() {
    try {
      return (int)
          LibC.syscall(
              LibC.SYS_memfd_create,
              Pointer.nativeValue(NAME),
              Kernel.Mman.MFD_CLOEXEC | Kernel.Mman.MFD_ALLOW_SEALING,
              0,
              0);
    } catch (LastErrorException e) {
      throw Errno.failure("memfd_create(\"stdin\", MFD_CLOEXEC|MFD_ALLOW_SEALING)", e);
    }
  }
}
