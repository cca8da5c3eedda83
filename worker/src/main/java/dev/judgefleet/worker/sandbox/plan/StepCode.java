package dev.judgefleet.worker.sandbox.plan;

/**
 * What a step asks the init to do. The numbers are the wire codes of {@code judge-init.c}'s {@code
 * enum step_code}; {@code StepCodeMirrorTest} keeps the two in sync.
 */
public enum StepCode {
  MOUNT(1, "mount"),
  UMOUNT(2, "umount2"),
  MKDIR(3, "mkdir"),
  CREATE_FILE(4, "open"),
  SYMLINK(5, "symlink"),
  CHDIR(6, "chdir"),
  PIVOT_ROOT(7, "pivot_root"),
  SETHOSTNAME(8, "sethostname"),
  SCHED_SETSCHEDULER(9, "sched_setscheduler"),
  UNSHARE(10, "unshare"),
  SCHED_SETAFFINITY(11, "sched_setaffinity"),
  SETSID(20, "setsid"),
  WRITE_FD(21, "write"),
  SETRLIMIT(22, "setrlimit"),
  DUP2(23, "dup2"),
  CLOSE_FROM(24, "close_range"),
  UMASK(25, "umask"),
  SETGROUPS(26, "setgroups"),
  SETRESGID(27, "setresgid"),
  SETRESUID(28, "setresuid"),
  CAPBSET_DROP(29, "prctl(PR_CAPBSET_DROP)"),
  CAP_AMBIENT_CLEAR(30, "prctl(PR_CAP_AMBIENT_CLEAR_ALL)"),
  SET_SECUREBITS(31, "prctl(PR_SET_SECUREBITS)"),
  CAPSET(32, "capset"),
  NO_NEW_PRIVS(33, "prctl(PR_SET_NO_NEW_PRIVS)"),
  PDEATHSIG(34, "prctl(PR_SET_PDEATHSIG)"),
  SECCOMP(35, "seccomp(SECCOMP_SET_MODE_FILTER)"),
  EXEC(36, "execve");

  private final int wireCode;
  private final String call;

  StepCode(int wireCode, String call) {
    this.wireCode = wireCode;
    this.call = call;
  }

  /** The number the init switches on. */
  public int wireCode() {
    return wireCode;
  }

  /** The system call the step makes, as an error message names it. */
  public String call() {
    return call;
  }
}
