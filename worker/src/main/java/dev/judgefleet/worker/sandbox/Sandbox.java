package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.linux.CapturePipe;
import dev.judgefleet.worker.sandbox.linux.HostFiles;
import dev.judgefleet.worker.sandbox.linux.InitGoneException;
import dev.judgefleet.worker.sandbox.linux.InitProcess;
import dev.judgefleet.worker.sandbox.linux.NativeCallException;
import dev.judgefleet.worker.sandbox.linux.SealedCopy;
import dev.judgefleet.worker.sandbox.linux.UnsafeFileException;
import dev.judgefleet.worker.sandbox.plan.InitReply;
import dev.judgefleet.worker.sandbox.plan.PassedFile;
import dev.judgefleet.worker.sandbox.plan.PlanEncoder;
import dev.judgefleet.worker.sandbox.plan.RunPlan;
import dev.judgefleet.worker.sandbox.plan.SandboxPlan;
import dev.judgefleet.worker.sandbox.plan.StepPhase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * One set of namespaces with its root filesystem and its PID 1, serving the runs of one submission
 * (its compile, then its tests) one after another. Every leftover process of a run is killed when
 * its main process exits, and /tmp and /dev/shm are fresh for the next run; the work directory /box
 * carries the compiled program from the compile to the tests. Two submissions never share a
 * sandbox.
 */
public final class Sandbox implements AutoCloseable {
  /** How much of stdout and stderr a result carries. */
  public static final int CAPTURE_BYTES = 64 * 1024;

  private static final int SETUP_TIMEOUT_MS = 10_000;

  /** Standard input when a run has none. */
  private static final Redirect NO_INPUT = new Redirect.HostFile(Path.of("/dev/null"));

  private final SandboxServices services;
  private final SandboxSpec spec;
  private final Path dir;
  private final Path ioDir;
  private final InitProcess init;
  private final int uid;
  private final int gid;
  private final Duration creationTime;
  private String brokenReason;
  private volatile boolean killRequested;
  private boolean planSent;

  private Sandbox(
      SandboxServices services,
      SandboxSpec spec,
      Path dir,
      InitProcess init,
      int uid,
      int gid,
      Duration creationTime) {
    this.services = services;
    this.spec = spec;
    this.dir = dir;
    this.ioDir = dir.resolve("io");
    this.init = init;
    this.uid = uid;
    this.gid = gid;
    this.creationTime = creationTime;
  }

  /**
   * Creates a sandbox: new namespaces spawned with its init, the root filesystem built and pivoted
   * into. Its programs run as {@code uid}/{@code gid}, on {@code cpu} when the slot is pinned.
   */
  static Sandbox open(
      SandboxServices services, SandboxSpec spec, Path dir, int uid, int gid, OptionalInt cpu) {
    long start = System.nanoTime();
    Path root = dir.resolve("root");
    try {
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Files.createDirectory(root);
      Files.createDirectory(dir.resolve("io"));
    } catch (IOException e) {
      throw new UncheckedIOException("creating the sandbox directory " + dir, e);
    }
    SandboxPlan plan;
    InitProcess init;
    try {
      plan = LaunchPlanner.sandbox(spec, root.toString(), uid, gid, cpu);
      init = InitProcess.spawn(services.node().initBinary(), plan.namespaces());
    } catch (RuntimeException e) {
      deleteTree(dir);
      throw e;
    }
    try {
      init.control().send(PlanEncoder.setup(plan), new int[0]);
      byte[] message = init.control().receive(SETUP_TIMEOUT_MS);
      if (message == null) {
        throw new SandboxException(
            new SetupError(StepPhase.SETUP, -1, "sandbox setup", 0, "no answer in 10 s"));
      }
      if (InitReply.parse(message) instanceof InitReply.Failed failed) {
        throw new SandboxException(RunResults.describe(plan.setup(), failed));
      }
    } catch (RuntimeException e) {
      init.close();
      deleteTree(dir);
      throw e;
    }
    return new Sandbox(
        services, spec, dir, init, uid, gid, Duration.ofNanos(System.nanoTime() - start));
  }

  /** How long creating this sandbox took (namespaces, root filesystem, pivot). */
  public Duration creationTime() {
    return creationTime;
  }

  public SandboxSpec spec() {
    return spec;
  }

  /**
   * The work directory as the worker reaches it: through the init's root, so the worker sees
   * exactly what the program sees. Use {@link HostFiles} beneath it, never plain paths.
   */
  public Path workDir() {
    return Path.of("/proc", Integer.toString(init.pid()), "root", MountLayer.WORK_DIR.substring(1));
  }

  /** Puts a file into the work directory (it must not exist yet). */
  public void writeWorkFile(String name, byte[] content) {
    writeWorkFile(name, content, 0644);
  }

  /** Puts a file with the given mode into the work directory; parent directories are created. */
  public void writeWorkFile(String path, byte[] content, int mode) {
    int slash = path.lastIndexOf('/');
    if (slash > 0) {
      makeWorkDirs(path.substring(0, slash));
    }
    HostFiles.writeNew(workDir(), path, content, mode);
  }

  /** Puts files into the work directory, each with its own mode (none may exist yet). */
  public void writeWorkFiles(List<WorkFile> files) {
    for (WorkFile file : files) {
      writeWorkFile(file.path(), file.content(), file.mode());
    }
  }

  /** Creates a directory (and its parents) in the work directory, owned by the run's user. */
  public void makeWorkDirs(String path) {
    String parent = "";
    for (String part : path.split("/")) {
      String here = parent.isEmpty() ? part : parent + "/" + part;
      if (!Files.isDirectory(workDir().resolve(here), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        HostFiles.mkdirBeneath(workDir(), parent, part, 0755);
        HostFiles.chownBeneath(workDir(), here, uid, gid);
      }
      parent = here;
    }
  }

  /** Removes a file from the work directory, if it is there. */
  public void removeWorkFile(String path) {
    int slash = path.lastIndexOf('/');
    HostFiles.unlinkBeneath(
        workDir(), slash < 0 ? "" : path.substring(0, slash), path.substring(slash + 1));
  }

  /** Every regular file the work directory holds now, copied out safely and capped. */
  public List<WorkFile> snapshotWorkDir(int maxFiles, long maxBytes) {
    return HostFiles.snapshotBeneath(workDir(), maxFiles, maxBytes).stream()
        .map(e -> new WorkFile(e.relativePath(), e.content(), e.mode()))
        .toList();
  }

  /**
   * Reads a file the program left in the work directory.
   *
   * @throws WorkFileException for a link, a special file, a file over {@code maxBytes}, or a failed
   *     call
   */
  public byte[] readWorkFile(String name, long maxBytes) {
    try {
      return HostFiles.readBeneath(workDir(), name, maxBytes);
    } catch (UnsafeFileException | NativeCallException e) {
      throw new WorkFileException(e.getMessage(), e);
    }
  }

  /**
   * CPU time PID 1 itself has used so far ({@code /proc/PID/schedstat}, nanoseconds): the init's
   * share of a run's cost, for the benchmark.
   */
  public long initCpuNanos() {
    String schedstat =
        dev.judgefleet.worker.sandbox.linux.KernelFiles.read(
            Path.of("/proc", Integer.toString(init.pid()), "schedstat"));
    return Long.parseLong(schedstat.strip().split("\\s+")[0]);
  }

  /** Whether the sandbox can serve another run; a failed cleanup or a lost init ends it. */
  public boolean usable() {
    return brokenReason == null;
  }

  /**
   * Asks the run under way (from another thread) to be killed: the other side of an interactive run
   * has already decided the verdict. The run's result says it was killed by SIGKILL.
   */
  public void requestKill() {
    killRequested = true;
  }

  /** Runs one program to completion, or until a limit ends it. Never throws for the program. */
  public RunResult run(RunSpec run) {
    planSent = false;
    try {
      RunResult result = runOnce(run);
      services.runCpuNanos().add(result.cpu().toNanos());
      return result;
    } finally {
      if (!planSent) {
        // Descriptors handed over must be closed even when the run never started, or the
        // other side of a pipe would wait for an end-of-file that never comes.
        for (Redirect r : new Redirect[] {run.stdin(), run.stdout(), run.stderr()}) {
          if (r instanceof Redirect.Pipe pipe && pipe.handOver()) {
            HostFiles.close(pipe.fd());
          }
        }
      }
    }
  }

  private RunResult runOnce(RunSpec run) {
    killRequested = false;
    long requested = System.nanoTime();
    if (brokenReason != null) {
      return RunResults.internalError(requested, RunResults.hostError("sandbox", 0, brokenReason));
    }
    RunCgroup cgroup;
    try {
      cgroup = services.cgroups().acquire();
    } catch (RuntimeException e) {
      return RunResults.internalError(
          requested, RunResults.hostError("create run cgroup", 0, e.getMessage()));
    }
    try {
      return runIn(cgroup, run, requested);
    } finally {
      services.cgroups().release(cgroup);
    }
  }

  private RunResult runIn(RunCgroup cgroup, RunSpec run, long requested) {
    List<CapturePipe> captures = new ArrayList<>(2);
    try {
      CapturePipe out = run.stdout() == null ? capture(captures, "stdout", run.limits()) : null;
      CapturePipe err = run.stderr() == null ? capture(captures, "stderr", run.limits()) : null;
      RunPlan plan =
          LaunchPlanner.run(
              run,
              new LaunchPlanner.RunContext(
                  spec,
                  uid,
                  gid,
                  services.node().lastCap(),
                  cgroup,
                  services.seccomp().of(run.seccompProfile()),
                  run.stdin() != null ? run.stdin() : NO_INPUT,
                  out != null ? new Redirect.Pipe(out.writeEnd(), "stdout", false) : run.stdout(),
                  err != null ? new Redirect.Pipe(err.writeEnd(), "stderr", false) : run.stderr()));
      CgroupLayer.apply(cgroup, plan.cgroupLimits());
      RunSupervisor.Outcome supervision;
      try {
        try {
          sendRun(plan);
        } finally {
          // The init has its own copies now: ours would hold the pipes' end-of-file back.
          captures.forEach(CapturePipe::closeWriteEnd);
        }
        supervision =
            new RunSupervisor(init.control(), services.node().cpus(), () -> killRequested)
                .supervise(plan, cgroup, run.limits(), captures);
      } catch (InitGoneException e) {
        brokenReason = e.getMessage();
        return RunResults.internalError(
            requested, RunResults.hostError("sandbox init", 0, e.getMessage()));
      }
      if (supervision.retire() != null) {
        brokenReason = supervision.retire();
      }
      return RunResults.of(run, plan, cgroup, supervision, requested, out, err);
    } catch (NativeCallException e) {
      return RunResults.internalError(
          requested, RunResults.hostError(e.call(), e.errno(), e.errnoName()));
    } catch (UnsafeFileException e) {
      return RunResults.internalError(requested, RunResults.hostError("stdin", 0, e.getMessage()));
    } finally {
      captures.forEach(CapturePipe::close);
    }
  }

  private CapturePipe capture(List<CapturePipe> captures, String stream, RunLimits limits) {
    CapturePipe pipe = CapturePipe.open(ioDir.resolve(stream), stream, limits.outputBytes());
    captures.add(pipe);
    return pipe;
  }

  private void sendRun(RunPlan plan) {
    List<PassedFile> files = plan.passedFiles();
    int[] fds = new int[files.size()];
    int opened = 0;
    try {
      for (PassedFile file : files) {
        if (file instanceof PassedFile.Open open) {
          fds[opened] = HostFiles.open(open.path(), open.flags(), open.mode());
        } else if (file instanceof PassedFile.SealedCopy copy) {
          fds[opened] = SealedCopy.of(copy.path());
        } else {
          fds[opened] = ((PassedFile.Descriptor) file).fd();
        }
        opened++;
      }
      init.control().send(PlanEncoder.run(plan), fds);
      planSent = true;
    } finally {
      // The init holds its own copies now; ours go, except descriptors the caller keeps (and
      // handed-over ones when the send failed: run() closes those).
      for (int i = 0; i < opened; i++) {
        if (!(files.get(i) instanceof PassedFile.Descriptor d) || (d.handOver() && planSent)) {
          HostFiles.close(fds[i]);
        }
      }
    }
  }

  /** Ends the sandbox: PID 1 exits and takes every process with it; host files go. */
  @Override
  public void close() {
    init.close();
    deleteTree(dir);
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    // Only the worker writes under this directory (the program reaches its output files through
    // descriptors only), so a plain walk cannot be led elsewhere.
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("removing " + dir, e);
    }
  }
}
