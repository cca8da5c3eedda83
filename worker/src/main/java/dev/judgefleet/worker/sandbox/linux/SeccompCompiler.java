package dev.judgefleet.worker.sandbox.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.judgefleet.worker.sandbox.SeccompPolicy;
import dev.judgefleet.worker.sandbox.SeccompPolicy.Action;
import dev.judgefleet.worker.sandbox.SeccompPolicy.ArgCondition;
import dev.judgefleet.worker.sandbox.SeccompPolicy.Rule;
import dev.judgefleet.worker.sandbox.plan.Kernel;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link SeccompPolicy} to a BPF program with libseccomp (seccomp_init(3),
 * seccomp_rule_add(3), seccomp_export_bpf(3)). Only the native architecture is in the filter, so
 * x32 and i386 system calls take the bad-architecture action, which is a notification like every
 * forbidden call: the run is killed and the call named ({@code SV}), and a SIGSYS the program
 * raised itself is never mistaken for a violation.
 */
public final class SeccompCompiler {
  private static final int SCMP_ACT_NOTIFY = 0x7fc00000;
  private static final int SCMP_ACT_ALLOW = 0x7fff0000;
  private static final int SCMP_ACT_ERRNO = 0x00050000;
  private static final int SCMP_FLTATR_ACT_BADARCH = 2;
  private static final int SCMP_FLTATR_CTL_NNP = 3;
  private static final int SCMP_FLTATR_CTL_OPTIMIZE = 8;
  private static final int SCMP_ARG_CMP_SIZE = 24;
  private static final int NR_SCMP_ERROR = -1;

  /** linux/audit.h; libseccomp's SCMP_ARCH_* tokens are the same numbers. */
  private static final int SCMP_ARCH_X32 = 0x4000003e;

  private static final int X32_SYSCALL_BIT = 0x40000000;

  /**
   * x86_64 numbers of calls newer than the libseccomp a host may have (2.5.4 on Debian 12): the
   * filter must still name them, as the kernel knows them.
   */
  private static final Map<String, Integer> NEWER_SYSCALLS =
      Map.of(
          "mount_setattr", 442,
          "futex_waitv", 449,
          "pidfd_getfd", 438,
          "epoll_pwait2", 441,
          "faccessat2", 439,
          "close_range", 436,
          "openat2", 437);

  private static final class Native2 {
    static {
      Native.register(NativeLibrary.getInstance("libseccomp.so.2"));
    }

    static native Pointer seccomp_init(int defaultAction);

    static native void seccomp_release(Pointer ctx);

    static native int seccomp_attr_set(Pointer ctx, int attr, int value);

    static native int seccomp_rule_add_array(
        Pointer ctx, int action, int syscall, int argCount, Pointer args);

    static native int seccomp_syscall_resolve_name(String name);

    static native Pointer seccomp_syscall_resolve_num_arch(int arch, int num);

    static native int seccomp_export_bpf(Pointer ctx, int fd);
  }

  private SeccompCompiler() {}

  /** The BPF program for {@code policy}: an array of {@code struct sock_filter}. */
  public static byte[] compile(SeccompPolicy policy) {
    Pointer ctx = Native2.seccomp_init(action(policy.defaultAction()));
    if (ctx == null) {
      throw new IllegalStateException("seccomp_init for profile " + policy.name() + " failed");
    }
    try {
      attr(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_NOTIFY, policy);
      // The child sets no_new_privs itself, as a step of its own.
      attr(ctx, SCMP_FLTATR_CTL_NNP, 0, policy);
      // A binary tree instead of a linear list of comparisons: cheaper for long allowlists.
      attr(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2, policy);
      for (Rule rule : policy.rules()) {
        addRule(ctx, rule, policy);
      }
      return export(ctx, policy);
    } finally {
      Native2.seccomp_release(ctx);
    }
  }

  /**
   * A forbidden call as the kernel reported it (seccomp_unotify(2): architecture and number), for a
   * person: its name, with the ABI when it is not the native one ({@code "getpid (i386 ABI)"}).
   */
  public static String describeCall(int arch, int number) {
    if (arch == Kernel.Audit.AUDIT_ARCH_I386) {
      return nameOr(syscallName(Kernel.Audit.AUDIT_ARCH_I386, number), number) + " (i386 ABI)";
    }
    if (arch == Kernel.Audit.AUDIT_ARCH_X86_64 && (number & X32_SYSCALL_BIT) != 0) {
      return nameOr(syscallName(SCMP_ARCH_X32, number), number) + " (x32 ABI)";
    }
    return nameOr(syscallName(arch, number), number);
  }

  private static String nameOr(String name, int number) {
    return name != null ? name : "syscall " + number;
  }

  /** The name of a system call number, as the kernel reported it; null if unknown. */
  public static String syscallName(int arch, int number) {
    Pointer name = Native2.seccomp_syscall_resolve_num_arch(arch, number);
    if (name == null) {
      return null;
    }
    try {
      return name.getString(0);
    } finally {
      Native.free(Pointer.nativeValue(name));
    }
  }

  /** Whether the named call is known to this host's libseccomp or to our table. */
  public static int syscallNumber(String name) {
    int nr = Native2.seccomp_syscall_resolve_name(name);
    if (nr == NR_SCMP_ERROR || nr < 0) {
      return NEWER_SYSCALLS.getOrDefault(name, -1);
    }
    return nr;
  }

  private static void addRule(Pointer ctx, Rule rule, SeccompPolicy policy) {
    if (rule.action().equals(policy.defaultAction()) && rule.conditions().isEmpty()) {
      // Spelled out in the policy for the reader; libseccomp refuses a rule that repeats the
      // default action (EACCES).
      return;
    }
    int nr = syscallNumber(rule.syscall());
    if (nr < 0) {
      // Unknown to this libseccomp and to us: the default action covers it.
      return;
    }
    List<ArgCondition> conditions = rule.conditions();
    Memory args = null;
    if (!conditions.isEmpty()) {
      args = new Memory((long) SCMP_ARG_CMP_SIZE * conditions.size());
      for (int i = 0; i < conditions.size(); i++) {
        ArgCondition c = conditions.get(i);
        long base = (long) i * SCMP_ARG_CMP_SIZE;
        args.setInt(base, c.arg());
        args.setInt(base + 4, c.op().libseccompCode());
        args.setLong(base + 8, c.datumA());
        args.setLong(base + 16, c.datumB());
      }
    }
    int rc =
        Native2.seccomp_rule_add_array(ctx, action(rule.action()), nr, conditions.size(), args);
    if (rc < 0) {
      throw new IllegalStateException(
          "seccomp_rule_add("
              + rule.syscall()
              + ", "
              + rule.action()
              + ", "
              + conditions
              + ") in profile "
              + policy.name()
              + ": "
              + Errno.name(-rc));
    }
  }

  private static void attr(Pointer ctx, int attr, int value, SeccompPolicy policy) {
    int rc = Native2.seccomp_attr_set(ctx, attr, value);
    if (rc < 0) {
      throw new IllegalStateException(
          "seccomp_attr_set("
              + attr
              + ", "
              + value
              + ") in profile "
              + policy.name()
              + ": "
              + Errno.name(-rc));
    }
  }

  private static int action(Action action) {
    if (action instanceof Action.Allow) {
      return SCMP_ACT_ALLOW;
    }
    if (action instanceof Action.Errno errno) {
      return SCMP_ACT_ERRNO | (errno.errno() & 0xffff);
    }
    return SCMP_ACT_NOTIFY;
  }

  private static byte[] export(Pointer ctx, SeccompPolicy policy) {
    Memory name = new Memory(16);
    name.setString(0, "seccomp-bpf");
    int fd;
    try {
      fd =
          (int)
              LibC.syscall(
                  LibC.SYS_memfd_create, Pointer.nativeValue(name), Kernel.Mman.MFD_CLOEXEC, 0, 0);
    } catch (LastErrorException e) {
      throw Errno.failure("memfd_create(\"seccomp-bpf\")", e);
    }
    try {
      int rc = Native2.seccomp_export_bpf(ctx, fd);
      if (rc < 0) {
        throw new IllegalStateException(
            "seccomp_export_bpf for profile " + policy.name() + ": " + Errno.name(-rc));
      }
      return Fds.readAllFromStart(fd, "memfd seccomp-bpf");
    } finally {
      Fds.closeQuietly(fd);
    }
  }
}
