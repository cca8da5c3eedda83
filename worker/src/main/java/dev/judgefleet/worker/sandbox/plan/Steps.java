package dev.judgefleet.worker.sandbox.plan;

import java.util.ArrayList;
import java.util.List;

/** Typed constructors for every step, so no layer assembles argument lists by hand. */
public final class Steps {
  private Steps() {}

  /** mount(2); an empty source, fstype or data stands for NULL. */
  public static Step mount(String source, String target, String fstype, long flags, String data) {
    return Step.of(StepCode.MOUNT, List.of(flags), source, target, fstype, data);
  }

  public static Step umount(String target, long flags) {
    return Step.of(StepCode.UMOUNT, List.of(flags), target);
  }

  public static Step mkdir(String path, int mode) {
    return Step.of(StepCode.MKDIR, List.of((long) mode), path);
  }

  /** Creates an empty file to bind-mount a single file or device node onto. */
  public static Step createFile(String path, int mode) {
    return Step.of(StepCode.CREATE_FILE, List.of((long) mode), path);
  }

  public static Step symlink(String target, String linkPath) {
    return Step.of(StepCode.SYMLINK, target, linkPath);
  }

  public static Step chdir(String path) {
    return Step.of(StepCode.CHDIR, path);
  }

  public static Step pivotRoot(String newRoot, String putOld) {
    return Step.of(StepCode.PIVOT_ROOT, newRoot, putOld);
  }

  public static Step sethostname(String name) {
    return Step.of(StepCode.SETHOSTNAME, name);
  }

  /**
   * sched_setscheduler(2) for the init itself.
   *
   * @param bestEffort whether a failure (no CAP_SYS_NICE) is ignored
   */
  public static Step schedSetscheduler(int policy, int priority, boolean bestEffort) {
    return Step.of(
        StepCode.SCHED_SETSCHEDULER, List.of((long) policy, (long) priority, bestEffort ? 1L : 0L));
  }

  /** sched_setaffinity(2) of the calling process to one CPU; its children inherit it. */
  public static Step schedSetaffinity(int cpu) {
    return Step.of(StepCode.SCHED_SETAFFINITY, List.of((long) cpu));
  }

  /** unshare(2): new namespaces for the calling process and its children. */
  public static Step unshare(int flags) {
    return Step.of(StepCode.UNSHARE, List.of((long) flags));
  }

  public static Step setsid() {
    return Step.of(StepCode.SETSID);
  }

  /** Writes {@code data} to the {@code passedIndex}-th descriptor passed with the run. */
  public static Step writeFd(int passedIndex, String data) {
    return Step.of(StepCode.WRITE_FD, List.of((long) passedIndex), data);
  }

  public static Step setrlimit(int resource, long soft, long hard) {
    return Step.of(StepCode.SETRLIMIT, List.of((long) resource, soft, hard));
  }

  /** Duplicates the {@code passedIndex}-th descriptor passed with the run onto {@code fd}. */
  public static Step dup2(int passedIndex, int fd) {
    return Step.of(StepCode.DUP2, List.of((long) passedIndex, (long) fd));
  }

  public static Step closeFrom(int lowest) {
    return Step.of(StepCode.CLOSE_FROM, List.of((long) lowest));
  }

  public static Step umask(int mask) {
    return Step.of(StepCode.UMASK, List.of((long) mask));
  }

  public static Step setgroupsEmpty() {
    return Step.of(StepCode.SETGROUPS);
  }

  public static Step setresgid(int gid) {
    return Step.of(StepCode.SETRESGID, List.of((long) gid));
  }

  public static Step setresuid(int uid) {
    return Step.of(StepCode.SETRESUID, List.of((long) uid));
  }

  public static Step capbsetDrop(int cap) {
    return Step.of(StepCode.CAPBSET_DROP, List.of((long) cap));
  }

  public static Step capAmbientClear() {
    return Step.of(StepCode.CAP_AMBIENT_CLEAR);
  }

  public static Step setSecurebits(long bits) {
    return Step.of(StepCode.SET_SECUREBITS, List.of(bits));
  }

  public static Step capset(long effective, long permitted, long inheritable) {
    return Step.of(StepCode.CAPSET, List.of(effective, permitted, inheritable));
  }

  public static Step noNewPrivs() {
    return Step.of(StepCode.NO_NEW_PRIVS);
  }

  public static Step pdeathsig(int signal) {
    return Step.of(StepCode.PDEATHSIG, List.of((long) signal));
  }

  /** Loads a BPF program (an array of {@code struct sock_filter}, 8 bytes each). */
  public static Step seccomp(byte[] bpf, long flags) {
    if (bpf.length == 0 || bpf.length % 8 != 0) {
      throw new IllegalArgumentException("BPF program of " + bpf.length + " bytes");
    }
    return new Step(StepCode.SECCOMP, List.of(flags), List.of(), bpf);
  }

  public static Step exec(String path, List<String> argv, List<String> env) {
    List<String> strings = new ArrayList<>(1 + argv.size() + env.size());
    strings.add(path);
    strings.addAll(argv);
    strings.addAll(env);
    return new Step(StepCode.EXEC, List.of((long) argv.size(), (long) env.size()), strings, null);
  }
}
