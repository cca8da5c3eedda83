package dev.judgefleet.worker.sandbox.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The libc calls the engine makes, direct-mapped (JNA's fastest binding). Calls that set errno
 * declare {@link LastErrorException}; {@link Errno} turns it into a message with the errno's name.
 */
final class LibC {
  static {
    Native.register(NativeLibrary.getInstance("c"));
  }

  // x86_64 system call numbers for calls glibc has no wrapper for (or only a recent one).
  static final long SYS_pidfd_open = 434;
  static final long SYS_close_range = 436;
  static final long SYS_openat2 = 437;
  static final long SYS_memfd_create = 319;

  static final int POSIX_SPAWN_SETSIGDEF = 0x04;
  static final int POSIX_SPAWN_SETSIGMASK = 0x08;

  private LibC() {}

  static native int unshare(int flags) throws LastErrorException;

  static native int socketpair(int domain, int type, int protocol, int[] sv)
      throws LastErrorException;

  static native int close(int fd) throws LastErrorException;

  static native int fcntl(int fd, int cmd, int arg) throws LastErrorException;

  static native long lseek(int fd, long offset, int whence) throws LastErrorException;

  static native long sendfile(int outFd, int inFd, Pointer offset, long count)
      throws LastErrorException;

  static native long splice(int fdIn, Pointer offIn, int fdOut, Pointer offOut, long len, int flags)
      throws LastErrorException;

  static native long read(int fd, Pointer buf, long count) throws LastErrorException;

  static native long write(int fd, Pointer buf, long count) throws LastErrorException;

  static native long pread(int fd, Pointer buf, long count, long offset) throws LastErrorException;

  static native int open(String path, int flags, int mode) throws LastErrorException;

  static native int fstat(int fd, Pointer stat) throws LastErrorException;

  static native int fchown(int fd, int uid, int gid) throws LastErrorException;

  static native int fchmod(int fd, int mode) throws LastErrorException;

  static native int mkdirat(int dirfd, String path, int mode) throws LastErrorException;

  static native int unlinkat(int dirfd, String path, int flags) throws LastErrorException;

  static native int pipe2(int[] fds, int flags) throws LastErrorException;

  static native long sendmsg(int fd, Pointer msghdr, int flags) throws LastErrorException;

  static native long recvmsg(int fd, Pointer msghdr, int flags) throws LastErrorException;

  static native int poll(Pointer fds, long nfds, int timeoutMs) throws LastErrorException;

  static native int kill(int pid, int signal) throws LastErrorException;

  static native int waitpid(int pid, int[] status, int options) throws LastErrorException;

  static native int wait4(int pid, int[] status, int options, Pointer rusage)
      throws LastErrorException;

  static native long syscall(long number, long a, long b, long c, long d) throws LastErrorException;

  static native int getpid();

  static native String strerrorname_np(int errno);

  static native String strerror(int errno);

  // posix_spawn(3) returns an error number instead of setting errno.
  static native int posix_spawn(
      int[] pid, String path, Pointer fileActions, Pointer attr, Pointer argv, Pointer envp);

  static native int posix_spawn_file_actions_init(Pointer fileActions);

  static native int posix_spawn_file_actions_destroy(Pointer fileActions);

  static native int posix_spawn_file_actions_adddup2(Pointer fileActions, int fd, int newFd);

  static native int posix_spawn_file_actions_addclosefrom_np(Pointer fileActions, int from);

  static native int posix_spawnattr_init(Pointer attr);

  static native int posix_spawnattr_destroy(Pointer attr);

  static native int posix_spawnattr_setflags(Pointer attr, short flags);

  static native int posix_spawnattr_setsigmask(Pointer attr, Pointer sigset);

  static native int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigset);

  static native int sigemptyset(Pointer set);

  static native int sigfillset(Pointer set);
}
