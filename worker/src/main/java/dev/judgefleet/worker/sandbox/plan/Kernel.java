package dev.judgefleet.worker.sandbox.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kernel constants (x86_64), spelled as the kernel spells them and grouped by the header that
 * defines them, so one grep finds a flag in the Java and in {@code judge-init.c}.
 */
public final class Kernel {
  private Kernel() {}

  /** {@code <sys/mount.h>} */
  public static final class SysMount {
    public static final long MS_RDONLY = 1;
    public static final long MS_NOSUID = 2;
    public static final long MS_NODEV = 4;
    public static final long MS_NOEXEC = 8;
    public static final long MS_REMOUNT = 32;
    public static final long MS_BIND = 4096;
    public static final long MS_MOVE = 8192;
    public static final long MS_REC = 16384;
    public static final long MS_PRIVATE = 1 << 18;
    public static final long MNT_DETACH = 2;

    static final Map<Long, String> NAMES =
        names(
            MS_RDONLY,
            "MS_RDONLY",
            MS_NOSUID,
            "MS_NOSUID",
            MS_NODEV,
            "MS_NODEV",
            MS_NOEXEC,
            "MS_NOEXEC",
            MS_REMOUNT,
            "MS_REMOUNT",
            MS_BIND,
            "MS_BIND",
            MS_MOVE,
            "MS_MOVE",
            MS_REC,
            "MS_REC",
            MS_PRIVATE,
            "MS_PRIVATE");

    private SysMount() {}
  }

  /** {@code <sched.h>}: namespace flags for unshare(2) and clone(2). */
  public static final class Sched {
    public static final int CLONE_NEWNS = 0x00020000;
    public static final int CLONE_NEWCGROUP = 0x02000000;
    public static final int CLONE_NEWUTS = 0x04000000;
    public static final int CLONE_NEWIPC = 0x08000000;
    public static final int CLONE_NEWUSER = 0x10000000;
    public static final int CLONE_NEWPID = 0x20000000;
    public static final int CLONE_NEWNET = 0x40000000;

    public static final Map<Long, String> NAMES =
        names(
            (long) CLONE_NEWNS,
            "CLONE_NEWNS",
            (long) CLONE_NEWCGROUP,
            "CLONE_NEWCGROUP",
            (long) CLONE_NEWUTS,
            "CLONE_NEWUTS",
            (long) CLONE_NEWIPC,
            "CLONE_NEWIPC",
            (long) CLONE_NEWUSER,
            "CLONE_NEWUSER",
            (long) CLONE_NEWPID,
            "CLONE_NEWPID",
            (long) CLONE_NEWNET,
            "CLONE_NEWNET");

    private Sched() {}
  }

  /** {@code <sched.h>}: scheduling policies for sched_setscheduler(2). */
  public static final class SchedPolicy {
    public static final int SCHED_FIFO = 1;
    public static final int SCHED_RESET_ON_FORK = 0x40000000;

    static final Map<Long, String> NAMES =
        names((long) SCHED_FIFO, "SCHED_FIFO", (long) SCHED_RESET_ON_FORK, "SCHED_RESET_ON_FORK");

    private SchedPolicy() {}
  }

  /** {@code <sys/resource.h>} */
  public static final class SysResource {
    public static final int RLIMIT_CPU = 0;
    public static final int RLIMIT_FSIZE = 1;
    public static final int RLIMIT_STACK = 3;
    public static final int RLIMIT_CORE = 4;
    public static final int RLIMIT_NOFILE = 7;
    public static final int RLIMIT_MEMLOCK = 8;
    public static final int RLIMIT_AS = 9;

    /** {@code RLIM_INFINITY}: all ones, as an unsigned 64-bit value. */
    public static final long RLIM_INFINITY = -1L;

    static final Map<Long, String> NAMES =
        names(
            (long) RLIMIT_CPU,
            "RLIMIT_CPU",
            (long) RLIMIT_FSIZE,
            "RLIMIT_FSIZE",
            (long) RLIMIT_STACK,
            "RLIMIT_STACK",
            (long) RLIMIT_CORE,
            "RLIMIT_CORE",
            (long) RLIMIT_NOFILE,
            "RLIMIT_NOFILE",
            (long) RLIMIT_MEMLOCK,
            "RLIMIT_MEMLOCK",
            (long) RLIMIT_AS,
            "RLIMIT_AS");

    private SysResource() {}
  }

  /** {@code <linux/securebits.h>} */
  public static final class Securebits {
    public static final long SECBIT_NOROOT = 1 << 0;
    public static final long SECBIT_NOROOT_LOCKED = 1 << 1;
    public static final long SECBIT_NO_SETUID_FIXUP = 1 << 2;
    public static final long SECBIT_NO_SETUID_FIXUP_LOCKED = 1 << 3;
    public static final long SECBIT_KEEP_CAPS = 1 << 4;
    public static final long SECBIT_KEEP_CAPS_LOCKED = 1 << 5;
    public static final long SECBIT_NO_CAP_AMBIENT_RAISE = 1 << 6;
    public static final long SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED = 1 << 7;

    static final Map<Long, String> NAMES =
        names(
            SECBIT_NOROOT,
            "SECBIT_NOROOT",
            SECBIT_NOROOT_LOCKED,
            "SECBIT_NOROOT_LOCKED",
            SECBIT_NO_SETUID_FIXUP,
            "SECBIT_NO_SETUID_FIXUP",
            SECBIT_NO_SETUID_FIXUP_LOCKED,
            "SECBIT_NO_SETUID_FIXUP_LOCKED",
            SECBIT_KEEP_CAPS,
            "SECBIT_KEEP_CAPS",
            SECBIT_KEEP_CAPS_LOCKED,
            "SECBIT_KEEP_CAPS_LOCKED",
            SECBIT_NO_CAP_AMBIENT_RAISE,
            "SECBIT_NO_CAP_AMBIENT_RAISE",
            SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED,
            "SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED");

    private Securebits() {}
  }

  /** {@code <linux/capability.h>}: capability names by number. */
  public static final class Capability {
    private static final String[] NAMES = {
      "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
      "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
      "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK",
      "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE",
      "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
      "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE",
      "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
      "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
      "CAP_CHECKPOINT_RESTORE"
    };

    public static String name(long cap) {
      return cap >= 0 && cap < NAMES.length ? NAMES[(int) cap] : "cap " + cap;
    }

    private Capability() {}
  }

  /** {@code <linux/seccomp.h>} */
  public static final class Seccomp {
    public static final long SECCOMP_FILTER_FLAG_NEW_LISTENER = 1 << 3;

    private Seccomp() {}
  }

  /** {@code <signal.h>} */
  public static final class Signal {
    public static final int SIGKILL = 9;
    public static final int SIGSEGV = 11;
    public static final int SIGXCPU = 24;
    public static final int SIGXFSZ = 25;
    public static final int SIGSYS = 31;

    private static final String[] NAMES = {
      null,
      "SIGHUP",
      "SIGINT",
      "SIGQUIT",
      "SIGILL",
      "SIGTRAP",
      "SIGABRT",
      "SIGBUS",
      "SIGFPE",
      "SIGKILL",
      "SIGUSR1",
      "SIGSEGV",
      "SIGUSR2",
      "SIGPIPE",
      "SIGALRM",
      "SIGTERM",
      "SIGSTKFLT",
      "SIGCHLD",
      "SIGCONT",
      "SIGSTOP",
      "SIGTSTP",
      "SIGTTIN",
      "SIGTTOU",
      "SIGURG",
      "SIGXCPU",
      "SIGXFSZ",
      "SIGVTALRM",
      "SIGPROF",
      "SIGWINCH",
      "SIGIO",
      "SIGPWR",
      "SIGSYS"
    };

    public static String name(int signal) {
      return signal > 0 && signal < NAMES.length ? NAMES[signal] : "SIG" + signal;
    }

    private Signal() {}
  }

  /** {@code <fcntl.h>} */
  public static final class Fcntl {
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_TRUNC = 01000;
    public static final int O_APPEND = 02000;
    public static final int O_NONBLOCK = 04000;
    public static final int O_DIRECTORY = 0200000;
    public static final int O_NOFOLLOW = 0400000;
    public static final int O_CLOEXEC = 02000000;
    public static final int O_PATH = 010000000;
    public static final int AT_FDCWD = -100;
    public static final int F_SETFL = 4;
    public static final int F_DUPFD_CLOEXEC = 1030;
    public static final int F_SETPIPE_SZ = 1031;
    public static final int F_ADD_SEALS = 1033;
    public static final int F_SEAL_SEAL = 1;
    public static final int F_SEAL_SHRINK = 2;
    public static final int F_SEAL_GROW = 4;
    public static final int F_SEAL_WRITE = 8;
    public static final int SPLICE_F_NONBLOCK = 2;
    public static final int SEEK_SET = 0;

    private Fcntl() {}
  }

  /** {@code <errno.h>}: the numbers; {@code linux.Errno} gives their names. */
  public static final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int ECHILD = 10;
    public static final int EAGAIN = 11;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int EXDEV = 18;
    public static final int EINVAL = 22;
    public static final int EFBIG = 27;
    public static final int ENOSPC = 28;
    public static final int ENOSYS = 38;
    public static final int ELOOP = 40;
    public static final int EAFNOSUPPORT = 97;

    private Errno() {}
  }

  /** {@code <sys/socket.h>} */
  public static final class Socket {
    public static final int AF_UNIX = 1;
    public static final int SOCK_SEQPACKET = 5;
    public static final int SOCK_CLOEXEC = 02000000;
    public static final int SOL_SOCKET = 1;
    public static final int SCM_RIGHTS = 1;
    public static final int MSG_CTRUNC = 0x8;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_NOSIGNAL = 0x4000;
    public static final int MSG_CMSG_CLOEXEC = 0x40000000;

    private Socket() {}
  }

  /** {@code <poll.h>} */
  public static final class Poll {
    public static final short POLLIN = 1;
    public static final short POLLERR = 8;
    public static final short POLLHUP = 16;

    private Poll() {}
  }

  /** {@code <sys/stat.h>} */
  public static final class Stat {
    public static final int S_IFMT = 0170000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFREG = 0100000;

    private Stat() {}
  }

  /** {@code <sys/mman.h>}: memfd_create(2) flags. */
  public static final class Mman {
    public static final int MFD_CLOEXEC = 1;
    public static final int MFD_ALLOW_SEALING = 2;

    private Mman() {}
  }

  /** {@code <sys/wait.h>} */
  public static final class Wait {
    public static final int WNOHANG = 1;
    public static final int WEXITED = 4;

    private Wait() {}
  }

  /** {@code <linux/audit.h>}: the architectures a seccomp notification names. */
  public static final class Audit {
    public static final int AUDIT_ARCH_X86_64 = 0xc000003e;
    public static final int AUDIT_ARCH_I386 = 0x40000003;

    private Audit() {}
  }

  /** Renders a flag word as {@code A|B|0x40}, or {@code 0}. */
  public static String flagNames(long flags, Map<Long, String> names) {
    if (flags == 0) {
      return "0";
    }
    List<String> parts = new ArrayList<>();
    long rest = flags;
    for (Map.Entry<Long, String> e : names.entrySet()) {
      if ((rest & e.getKey()) == e.getKey()) {
        parts.add(e.getValue());
        rest &= ~e.getKey();
      }
    }
    if (rest != 0) {
      parts.add("0x" + Long.toHexString(rest));
    }
    return String.join("|", parts);
  }

  private static Map<Long, String> names(Object... pairs) {
    Map<Long, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((Long) pairs[i], (String) pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
