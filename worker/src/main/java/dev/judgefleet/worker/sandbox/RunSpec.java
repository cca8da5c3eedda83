package dev.judgefleet.worker.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One program to run in a sandbox.
 *
 * @param argv the command; {@code argv[0]} is an absolute path inside the sandbox
 * @param env the environment, {@code NAME=value} strings
 * @param cwd the working directory inside the sandbox
 * @param stdin where standard input comes from, or null for /dev/null
 * @param stdout a pipe standard output goes to, or null for the sandbox's own capture
 * @param stderr likewise for standard error
 * @param limits the run's limits
 * @param workWritable whether {@code /box} is writable in this run (a compile) or read-only (a
 *     test)
 * @param seccompProfile the seccomp profile's name
 * @param heapLimit the heap limit a managed runtime enforces itself, or null (see {@link
 *     StatusClassifier})
 */
public record RunSpec(
    List<String> argv,
    List<String> env,
    String cwd,
    Redirect stdin,
    Redirect.Pipe stdout,
    Redirect.Pipe stderr,
    RunLimits limits,
    boolean workWritable,
    String seccompProfile,
    HeapLimit heapLimit) {

  public static final List<String> DEFAULT_ENV =
      List.of(
          "PATH=/usr/local/bin:/usr/bin:/bin",
          "HOME=/tmp",
          "TMPDIR=/tmp",
          "LANG=C.UTF-8",
          "LC_ALL=C.UTF-8");

  public RunSpec {
    argv = List.copyOf(argv);
    env = List.copyOf(env);
    Objects.requireNonNull(cwd, "cwd");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(seccompProfile, "seccompProfile");
    if (argv.isEmpty() || !argv.get(0).startsWith("/")) {
      throw new IllegalArgumentException("argv[0] must be an absolute path: " + argv);
    }
    if (!cwd.startsWith("/")) {
      throw new IllegalArgumentException("cwd must be absolute: " + cwd);
    }
  }

  /** A test-style run: read-only /box, default environment and profile. */
  public static RunSpec of(List<String> argv, RunLimits limits) {
    return new RunSpec(
        argv, DEFAULT_ENV, MountLayer.WORK_DIR, null, null, null, limits, false, "default", null);
  }

  /** Standard input from a private copy of a host file; null means /dev/null. */
  public RunSpec withStdin(Path file) {
    return withStdin(file == null ? null : new Redirect.Copy(file));
  }

  public RunSpec withStdin(Redirect in) {
    return new RunSpec(
        argv, env, cwd, in, stdout, stderr, limits, workWritable, seccompProfile, heapLimit);
  }

  /** Standard output into a pipe the caller holds instead of the sandbox's capture. */
  public RunSpec withStdout(Redirect.Pipe out) {
    return new RunSpec(
        argv, env, cwd, stdin, out, stderr, limits, workWritable, seccompProfile, heapLimit);
  }

  public RunSpec withArgs(List<String> args) {
    List<String> all = new java.util.ArrayList<>(argv);
    all.addAll(args);
    return new RunSpec(
        all, env, cwd, stdin, stdout, stderr, limits, workWritable, seccompProfile, heapLimit);
  }

  public RunSpec withWorkWritable(boolean writable) {
    return new RunSpec(
        argv, env, cwd, stdin, stdout, stderr, limits, writable, seccompProfile, heapLimit);
  }

  public RunSpec withEnv(List<String> environment) {
    return new RunSpec(
        argv,
        environment,
        cwd,
        stdin,
        stdout,
        stderr,
        limits,
        workWritable,
        seccompProfile,
        heapLimit);
  }

  public RunSpec withLimits(RunLimits newLimits) {
    return new RunSpec(
        argv, env, cwd, stdin, stdout, stderr, newLimits, workWritable, seccompProfile, heapLimit);
  }

  /** The run of a managed runtime that enforces a heap limit of its own. */
  public RunSpec withHeapLimit(HeapLimit limit) {
    return new RunSpec(
        argv, env, cwd, stdin, stdout, stderr, limits, workWritable, seccompProfile, limit);
  }
}
