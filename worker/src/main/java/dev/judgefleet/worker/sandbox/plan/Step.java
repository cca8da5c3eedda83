package dev.judgefleet.worker.sandbox.plan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One instruction for the init: a code, integer arguments and string arguments, and for {@link
 * StepCode#SECCOMP} the filter program as bytes. Steps are plain data; {@link #describe()} renders
 * one as the system call it makes, which is how a failure names it.
 */
public record Step(StepCode code, List<Long> ints, List<String> strings, byte[] blob) {

  public Step {
    Objects.requireNonNull(code, "code");
    ints = List.copyOf(ints);
    strings = List.copyOf(strings);
    blob = blob == null ? null : blob.clone();
    for (String s : strings) {
      if (s.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(code + " argument contains NUL: " + s);
      }
    }
  }

  public static Step of(StepCode code, List<Long> ints, String... strings) {
    return new Step(code, ints, List.of(strings), null);
  }

  public static Step of(StepCode code, String... strings) {
    return new Step(code, List.of(), List.of(strings), null);
  }

  public long intArg(int index) {
    return ints.get(index);
  }

  public String stringArg(int index) {
    return strings.get(index);
  }

  /** The string arguments as the init receives them: the blob first, where there is one. */
  public List<byte[]> encodedStrings() {
    List<byte[]> out = new ArrayList<>();
    if (blob != null) {
      out.add(blob.clone());
    }
    for (String s : strings) {
      out.add(s.getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The call this step makes, with its arguments: {@code mount("proc", "/proc", ...)}. */
  public String describe() {
    return switch (code) {
      case MOUNT ->
          call(
              "mount",
              q(stringArg(0)),
              q(stringArg(1)),
              q(stringArg(2)),
              Kernel.flagNames(intArg(0), Kernel.SysMount.NAMES),
              q(stringArg(3)));
      case UMOUNT ->
          call(
              "umount2",
              q(stringArg(0)),
              intArg(0) == Kernel.SysMount.MNT_DETACH ? "MNT_DETACH" : "0");
      case MKDIR -> call("mkdir", q(stringArg(0)), octal(intArg(0)));
      case CREATE_FILE ->
          call("open", q(stringArg(0)), "O_CREAT|O_EXCL|O_WRONLY", octal(intArg(0)));
      case SYMLINK -> call("symlink", q(stringArg(0)), q(stringArg(1)));
      case CHDIR -> call("chdir", q(stringArg(0)));
      case PIVOT_ROOT -> call("pivot_root", q(stringArg(0)), q(stringArg(1)));
      case SETHOSTNAME -> call("sethostname", q(stringArg(0)));
      case SCHED_SETSCHEDULER ->
          call(
              "sched_setscheduler",
              "0",
              Kernel.flagNames(intArg(0), Kernel.SchedPolicy.NAMES),
              "{" + intArg(1) + "}");
      case UNSHARE -> call("unshare", Kernel.flagNames(intArg(0), Kernel.Sched.NAMES));
      case SCHED_SETAFFINITY -> call("sched_setaffinity", "0", "{CPU " + intArg(0) + "}");
      case SETSID -> call("setsid");
      case WRITE_FD -> call("write", "passed fd #" + intArg(0), q(stringArg(0)));
      case SETRLIMIT ->
          call(
              "setrlimit",
              Kernel.SysResource.NAMES.getOrDefault(intArg(0), String.valueOf(intArg(0))),
              "{" + rlim(intArg(1)) + ", " + rlim(intArg(2)) + "}");
      case DUP2 -> call("dup2", "passed fd #" + intArg(0), String.valueOf(intArg(1)));
      case CLOSE_FROM -> call("close_range", String.valueOf(intArg(0)), "~0U");
      case UMASK -> call("umask", octal(intArg(0)));
      case SETGROUPS -> call("setgroups", "0", "NULL");
      case SETRESGID -> call("setresgid", times3(intArg(0)));
      case SETRESUID -> call("setresuid", times3(intArg(0)));
      case CAPBSET_DROP -> call("prctl", "PR_CAPBSET_DROP", Kernel.Capability.name(intArg(0)));
      case CAP_AMBIENT_CLEAR -> call("prctl", "PR_CAP_AMBIENT", "PR_CAP_AMBIENT_CLEAR_ALL");
      case SET_SECUREBITS ->
          call("prctl", "PR_SET_SECUREBITS", Kernel.flagNames(intArg(0), Kernel.Securebits.NAMES));
      case CAPSET ->
          call(
              "capset",
              "effective=0x" + Long.toHexString(intArg(0)),
              "permitted=0x" + Long.toHexString(intArg(1)),
              "inheritable=0x" + Long.toHexString(intArg(2)));
      case NO_NEW_PRIVS -> call("prctl", "PR_SET_NO_NEW_PRIVS", "1");
      case PDEATHSIG -> call("prctl", "PR_SET_PDEATHSIG", Kernel.Signal.name((int) intArg(0)));
      case SECCOMP ->
          call(
              "seccomp",
              "SECCOMP_SET_MODE_FILTER",
              intArg(0) == Kernel.Seccomp.SECCOMP_FILTER_FLAG_NEW_LISTENER
                  ? "SECCOMP_FILTER_FLAG_NEW_LISTENER"
                  : "0x" + Long.toHexString(intArg(0)),
              (blob == null ? 0 : blob.length / 8) + " instructions");
      case EXEC ->
          call(
              "execve",
              q(stringArg(0)),
              strings.subList(1, 1 + (int) intArg(0)).stream()
                  .map(Step::q)
                  .collect(Collectors.joining(", ", "[", "]")));
    };
  }

  private static String call(String name, String... args) {
    return name + "(" + String.join(", ", args) + ")";
  }

  private static String q(String s) {
    return s.isEmpty() ? "NULL" : "\"" + s + "\"";
  }

  private static String octal(long mode) {
    return "0" + Long.toOctalString(mode);
  }

  private static String rlim(long value) {
    return value == Kernel.SysResource.RLIM_INFINITY ? "RLIM_INFINITY" : Long.toString(value);
  }

  private static String[] times3(long id) {
    String s = Long.toString(id);
    return new String[] {s, s, s};
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Step other
        && code == other.code
        && ints.equals(other.ints)
        && strings.equals(other.strings)
        && Arrays.equals(blob, other.blob);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, ints, strings, Arrays.hashCode(blob));
  }

  @Override
  public String toString() {
    return describe();
  }
}
