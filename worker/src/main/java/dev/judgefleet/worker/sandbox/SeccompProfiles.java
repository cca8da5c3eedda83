package dev.judgefleet.worker.sandbox;

import static dev.judgefleet.worker.sandbox.SeccompPolicy.ArgCondition.eq;
import static dev.judgefleet.worker.sandbox.SeccompPolicy.ArgCondition.maskedEq;
import static dev.judgefleet.worker.sandbox.SeccompPolicy.ArgCondition.ne;

import dev.judgefleet.worker.sandbox.SeccompPolicy.Action;
import dev.judgefleet.worker.sandbox.plan.Kernel;
import dev.judgefleet.worker.sandbox.plan.Kernel.Sched;

/**
 * The seccomp profiles the sandbox ships. The default one runs C, C++, Rust, Python 3, Node and the
 * JVM (with its threads) unmodified, and the compilers that build them.
 */
public final class SeccompProfiles {
  private static final long CLONE_NEW_ANY =
      Sched.CLONE_NEWNS
          | Sched.CLONE_NEWCGROUP
          | Sched.CLONE_NEWUTS
          | Sched.CLONE_NEWIPC
          | Sched.CLONE_NEWUSER
          | Sched.CLONE_NEWPID
          | Sched.CLONE_NEWNET;
  private static final long PERSONALITY_QUERY = 0xffffffffL;
  private static final long PER_LINUX = 0;

  private SeccompProfiles() {}

  /** Looks a profile up by name: {@code default}. */
  public static SeccompPolicy byName(String name) {
    if (name.equals("default")) {
      return DEFAULT;
    }
    throw new IllegalArgumentException("unknown seccomp profile '" + name + "' (known: default)");
  }

  /**
   * Default deny with ENOSYS, so a libc that probes a newer call falls back to an older one
   * (glibc's pthread_create tries clone3, then clone).
   */
  public static final SeccompPolicy DEFAULT =
      new SeccompPolicy.Builder("default", new Action.Errno(Kernel.Errno.ENOSYS))
          // Files and descriptors. Writes outside /box and /tmp fail on read-only mounts.
          .allow(
              "read",
              "write",
              "readv",
              "writev",
              "pread64",
              "pwrite64",
              "preadv",
              "pwritev",
              "preadv2",
              "pwritev2",
              "lseek",
              "close",
              "close_range",
              "dup",
              "dup2",
              "dup3",
              "fcntl",
              "ioctl",
              "open",
              "openat",
              "openat2",
              "creat",
              "stat",
              "fstat",
              "lstat",
              "newfstatat",
              "statx",
              "statfs",
              "fstatfs",
              "access",
              "faccessat",
              "faccessat2",
              "readlink",
              "readlinkat",
              "getdents",
              "getdents64",
              "getcwd",
              "chdir",
              "fchdir",
              "mkdir",
              "mkdirat",
              "rmdir",
              "unlink",
              "unlinkat",
              "rename",
              "renameat",
              "renameat2",
              "link",
              "linkat",
              "symlink",
              "symlinkat",
              "chmod",
              "fchmod",
              "fchmodat",
              "truncate",
              "ftruncate",
              "fallocate",
              "fsync",
              "fdatasync",
              "sync_file_range",
              "utime",
              "utimes",
              "utimensat",
              "futimesat",
              "umask",
              "flock",
              "fadvise64",
              "readahead",
              "copy_file_range",
              "sendfile",
              "splice",
              "tee",
              "getxattr",
              "lgetxattr",
              "fgetxattr",
              "listxattr",
              "llistxattr",
              "flistxattr",
              "pipe",
              "pipe2",
              "select",
              "pselect6",
              "poll",
              "ppoll",
              "epoll_create",
              "epoll_create1",
              "epoll_ctl",
              "epoll_wait",
              "epoll_pwait",
              "epoll_pwait2",
              "eventfd",
              "eventfd2",
              "signalfd",
              "signalfd4",
              "timerfd_create",
              "timerfd_settime",
              "timerfd_gettime",
              "memfd_create",
              "inotify_init",
              "inotify_init1",
              "inotify_add_watch",
              "inotify_rm_watch",
              "mknod",
              "mknodat")
          // Memory.
          .allow(
              "brk",
              "mmap",
              "munmap",
              "mremap",
              "mprotect",
              "madvise",
              "msync",
              "mincore",
              "membarrier",
              "mlock",
              "munlock",
              "mlock2",
              "get_mempolicy")
          // Processes and threads; namespaces are handled below.
          .allow(
              "fork",
              "vfork",
              "execve",
              "execveat",
              "exit",
              "exit_group",
              "wait4",
              "waitid",
              "kill",
              "tgkill",
              "tkill",
              "getpid",
              "getppid",
              "gettid",
              "getuid",
              "geteuid",
              "getgid",
              "getegid",
              "getgroups",
              "getresuid",
              "getresgid",
              "getpgid",
              "getpgrp",
              "getsid",
              "setsid",
              "setpgid",
              "set_tid_address",
              "set_robust_list",
              "get_robust_list",
              "rseq",
              "futex",
              "futex_waitv",
              "sched_yield",
              "sched_getaffinity",
              "sched_getparam",
              "sched_getscheduler",
              "sched_get_priority_max",
              "sched_get_priority_min",
              "sched_getattr",
              // pthread_create with an explicit scheduling policy (Free Pascal's TThread) sets it
              // on the new thread; without CAP_SYS_NICE only normal policies can be chosen.
              "sched_setparam",
              "sched_setscheduler",
              "sched_rr_get_interval",
              "getcpu",
              "prctl",
              "arch_prctl",
              "capget",
              "uname",
              "sysinfo",
              "getrlimit",
              "setrlimit",
              "prlimit64",
              "getrusage",
              "times",
              "getpriority",
              "setpriority",
              "getrandom",
              "restart_syscall",
              "pidfd_open",
              "pidfd_send_signal")
          // Signals and time.
          .allow(
              "rt_sigaction",
              "rt_sigprocmask",
              "rt_sigreturn",
              "rt_sigpending",
              "rt_sigtimedwait",
              "rt_sigsuspend",
              "rt_sigqueueinfo",
              "rt_tgsigqueueinfo",
              "sigaltstack",
              "alarm",
              "pause",
              "getitimer",
              "setitimer",
              "nanosleep",
              "clock_nanosleep",
              "clock_gettime",
              "clock_getres",
              "gettimeofday",
              "time",
              "timer_create",
              "timer_settime",
              "timer_gettime",
              "timer_getoverrun",
              "timer_delete")
          // System V IPC lives in the sandbox's own IPC namespace.
          .allow(
              "shmget",
              "shmat",
              "shmdt",
              "shmctl",
              "semget",
              "semop",
              "semtimedop",
              "semctl",
              "msgget",
              "msgsnd",
              "msgrcv",
              "msgctl")
          // Sockets: AF_UNIX only, inside the sandbox's own network namespace.
          .rule("socket", new Action.Allow(), eq(0, Kernel.Socket.AF_UNIX))
          .rule("socket", new Action.Errno(Kernel.Errno.EAFNOSUPPORT), ne(0, Kernel.Socket.AF_UNIX))
          .rule("socketpair", new Action.Allow(), eq(0, Kernel.Socket.AF_UNIX))
          .rule(
              "socketpair",
              new Action.Errno(Kernel.Errno.EAFNOSUPPORT),
              ne(0, Kernel.Socket.AF_UNIX))
          .allow(
              "connect",
              "bind",
              "listen",
              "accept",
              "accept4",
              "sendto",
              "recvfrom",
              "sendmsg",
              "recvmsg",
              "sendmmsg",
              "recvmmsg",
              "shutdown",
              "getsockname",
              "getpeername",
              "setsockopt",
              "getsockopt")
          // personality(2) may only be queried or set to plain Linux.
          .rule("personality", new Action.Allow(), eq(0, PERSONALITY_QUERY))
          .rule("personality", new Action.Allow(), eq(0, PER_LINUX))
          // clone without namespace flags is fork or a thread; with them it is an escape attempt.
          .rule("clone", new Action.Allow(), maskedEq(0, CLONE_NEW_ANY, 0))
          .rule("clone", new Action.Violation(), maskedEq(0, Sched.CLONE_NEWNS, Sched.CLONE_NEWNS))
          .rule(
              "clone",
              new Action.Violation(),
              maskedEq(0, Sched.CLONE_NEWCGROUP, Sched.CLONE_NEWCGROUP))
          .rule(
              "clone", new Action.Violation(), maskedEq(0, Sched.CLONE_NEWUTS, Sched.CLONE_NEWUTS))
          .rule(
              "clone", new Action.Violation(), maskedEq(0, Sched.CLONE_NEWIPC, Sched.CLONE_NEWIPC))
          .rule(
              "clone",
              new Action.Violation(),
              maskedEq(0, Sched.CLONE_NEWUSER, Sched.CLONE_NEWUSER))
          .rule(
              "clone", new Action.Violation(), maskedEq(0, Sched.CLONE_NEWPID, Sched.CLONE_NEWPID))
          .rule(
              "clone", new Action.Violation(), maskedEq(0, Sched.CLONE_NEWNET, Sched.CLONE_NEWNET))
          // Probed by runtimes: fail quietly. clone3 hides its flags from the filter, so glibc
          // must fall back to clone.
          .errno(
              Kernel.Errno.ENOSYS,
              "clone3",
              "io_uring_setup",
              "io_uring_enter",
              "io_uring_register")
          .errno(Kernel.Errno.ENOSYS, "add_key", "request_key", "keyctl")
          // A pinned slot's CPU is the judge's choice (CpuLayer); runtimes that try to pick
          // their own CPUs carry on without.
          .errno(Kernel.Errno.EPERM, "sched_setaffinity")
          .errno(
              Kernel.Errno.EPERM,
              "setuid",
              "setgid",
              "setreuid",
              "setregid",
              "setresuid",
              "setresgid",
              "setgroups",
              "setfsuid",
              "setfsgid",
              "chown",
              "fchown",
              "lchown",
              "fchownat")
          // No honest program makes these: the run ends as SV, the call named.
          .violation(
              "unshare",
              "setns",
              "mount",
              "umount2",
              "pivot_root",
              "chroot",
              "ptrace",
              "process_vm_readv",
              "process_vm_writev",
              "bpf",
              "perf_event_open",
              "userfaultfd",
              "kexec_load",
              "kexec_file_load",
              "init_module",
              "finit_module",
              "delete_module",
              "reboot",
              "swapon",
              "swapoff",
              "settimeofday",
              "clock_settime",
              "clock_adjtime",
              "adjtimex",
              "open_by_handle_at",
              "name_to_handle_at",
              "fsopen",
              "fsconfig",
              "fsmount",
              "fspick",
              "move_mount",
              "open_tree",
              "mount_setattr",
              "iopl",
              "ioperm",
              "pidfd_getfd",
              "acct",
              "quotactl",
              "lookup_dcookie",
              "vhangup",
              "sethostname",
              "setdomainname",
              "syslog")
          .build();
}
