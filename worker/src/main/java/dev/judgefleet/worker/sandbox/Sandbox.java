package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.linux.CapturePipe;
import dev.judgefleet.worker.sandbox.linux.Errno;
import dev.judgefleet.worker.sandbox.linux.HostFiles;
import dev.judgefleet.worker.sandbox.linux.InitGoneException;
import dev.judgefleet.worker.sandbox.linux.InitProcess;
import dev.judgefleet.worker.sandbox.linux.NativeCallException;
import dev.judgefleet.worker.sandbox.linux.SealedCopy;
import dev.judgefleet.worker.sandbox.linux.SeccompCompiler;
import dev.judgefleet.worker.sandbox.linux.UnsafeFileException;
import dev.judgefleet.worker.sandbox.plan.InitOp;
import dev.judgefleet.worker.sandbox.plan.InitReply;
import dev.judgefleet.worker.sandbox.plan.PassedFile;
import dev.judgefleet.worker.sandbox.plan.PlanEncoder;
import dev.judgefleet.worker.sandbox.plan.RunPlan;
import dev.judgefleet.worker.sandbox.plan.SandboxPlan;
import dev.judgefleet.worker.sandbox.plan.Step;
import dev.judgefleet.worker.sandbox.plan.StepCode;
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
  private static final long KILL_TIMEOUT_NANOS = Duration.ofSeconds(5).toNanos();
  private static final long START_TIMEOUT_NANOS = Duration.ofSeconds(10).toNanos();
  private static final int MAX_POLL_MS = 20;
  private static final long CAPTURE_BATCH_BYTES = 64 * 1024;

  /** Standard input when a run has none. */
  private static final Redirect NO_INPUT = new Redirect.HostFile(Path.of("/dev/null"));

  private final SandboxEngine engine;
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
      SandboxEngine engine, SandboxSpec spec, Path dir, InitProcess init, Duration creationTime) {
    this.engine = engine;
    this.spec = spec;
    this.dir = dir;
    this.ioDir = dir.resolve("io");
    this.init = init;
    this.uid = engine.uid(spec.slot());
    this.gid = engine.gid(spec.slot());
    this.creationTime = creationTime;
  }

  static Sandbox open(SandboxEngine engine, SandboxSpec spec, Path dir) {
    long start = System.nanoTime();
    int uid = engine.uid(spec.slot());
    int gid = engine.gid(spec.slot());
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
      plan = LaunchPlanner.sandbox(spec, root.toString(), uid, gid);
      init = InitProcess.spawn(engine.initBinary(), plan.namespaces());
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
        throw new SandboxException(describe(plan.setup(), failed));
      }
    } catch (RuntimeException e) {
      init.close();
      deleteTree(dir);
      throw e;
    }
    return new Sandbox(engine, spec, dir, init, Duration.ofNanos(System.nanoTime() - start));
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

  /** Reads a file the program left in the work directory, refusing links and oversize files. */
  public byte[] readWorkFile(String name, long maxBytes) {
    return HostFiles.readBeneath(workDir(), name, maxBytes);
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
      engine.countRun(result);
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
      return internalError(run, requested, hostError("sandbox", 0, brokenReason));
    }
    RunCgroup cgroup;
    try {
      cgroup = engine.cgroups().acquire();
    } catch (RuntimeException e) {
      return internalError(run, requested, hostError("create run cgroup", 0, e.getMessage()));
    }
    try {
      return runIn(cgroup, run, requested);
    } finally {
      engine.cgroups().release(cgroup);
    }
  }

  private RunResult runIn(RunCgroup cgroup, RunSpec run, long requested) {
    List<CapturePipe> captures = new ArrayList<>(2);
    try {
      CgroupLayer.limit(cgroup, run.limits());
      CapturePipe out = run.stdout() == null ? capture(captures, "stdout", run.limits()) : null;
      CapturePipe err = run.stderr() == null ? capture(captures, "stderr", run.limits()) : null;
      RunPlan plan =
          LaunchPlanner.run(
              run,
              new LaunchPlanner.RunContext(
                  spec,
                  uid,
                  gid,
                  engine.lastCap(),
                  cgroup,
                  engine.seccompProgram(run.seccompProfile()),
                  run.stdin() != null ? run.stdin() : NO_INPUT,
                  out != null ? new Redirect.Pipe(out.writeEnd(), "stdout", false) : run.stdout(),
                  err != null ? new Redirect.Pipe(err.writeEnd(), "stderr", false) : run.stderr()));
      Supervision supervision;
      try {
        try {
          sendRun(plan);
        } finally {
          // The init has its own copies now: ours would hold the pipes' end-of-file back.
          captures.forEach(CapturePipe::closeWriteEnd);
        }
        supervision = supervise(plan, cgroup, run.limits(), captures);
      } catch (InitGoneException e) {
        brokenReason = e.getMessage();
        return internalError(run, requested, hostError("sandbox init", 0, e.getMessage()));
      }
      return result(run, plan, cgroup, supervision, requested, out, err);
    } catch (NativeCallException e) {
      return internalError(run, requested, hostError(e.call(), e.errno(), e.errnoName()));
    } catch (UnsafeFileException e) {
      return internalError(run, requested, hostError("stdin", 0, e.getMessage()));
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

  /** What the supervision of one run saw. */
  private record Supervision(
      InitReply.Started started,
      InitReply.Exited exited,
      SetupError failure,
      KillReason killedFor) {}

  /**
   * Waits for the run to end, enforcing the CPU limit of the whole tree (the cgroup's counter,
   * polled more often as the limit nears) and the wall limit. Both count from the exec.
   */
  private Supervision supervise(
      RunPlan plan, RunCgroup cgroup, RunLimits limits, List<CapturePipe> captures) {
    long cpuLimit = limits.cpuTime().toNanos();
    long wallLimit = limits.wallTime().toNanos();
    long sent = System.nanoTime();
    InitReply.Started started = null;
    SetupError failure = null;
    KillReason killedFor = KillReason.NONE;
    long killedAt = 0;
    long capturesDueAt = 0;
    for (; ; ) {
      long now = System.nanoTime();
      if (killedFor == KillReason.NONE && captures.stream().anyMatch(CapturePipe::overLimit)) {
        killedFor = KillReason.OUTPUT;
        killedAt = now;
        kill(cgroup);
      }
      int timeoutMs;
      if (killedFor != KillReason.NONE) {
        if (now - killedAt > KILL_TIMEOUT_NANOS) {
          throw new InitGoneException("the init did not end a killed run within 5 s");
        }
        timeoutMs = MAX_POLL_MS;
      } else if (started == null) {
        if (now - sent > START_TIMEOUT_NANOS) {
          killedFor = KillReason.WALL_TIME;
          killedAt = now;
          kill(cgroup);
          failure = hostError("exec", 0, "the run did not start within 10 s");
          continue;
        }
        timeoutMs = MAX_POLL_MS;
      } else if (killRequested) {
        killedFor = KillReason.REQUESTED;
        killedAt = now;
        kill(cgroup);
        continue;
      } else {
        long cpu = cgroup.cpuNanos() - started.preExecCpuNanos();
        long wallLeft = started.execNanos() + wallLimit - now;
        if (cpu >= cpuLimit) {
          killedFor = KillReason.CPU_TIME;
        } else if (wallLeft <= 0) {
          killedFor = KillReason.WALL_TIME;
        }
        if (killedFor != KillReason.NONE) {
          killedAt = now;
          kill(cgroup);
          continue;
        }
        // The tree cannot spend more than (CPUs x wall) CPU time: sleep no longer than that.
        long cpuLeftWall = (cpuLimit - cpu) / engine.cpus();
        long sleep = Math.min(wallLeft, cpuLeftWall);
        timeoutMs = (int) Math.max(1, Math.min(MAX_POLL_MS, sleep / 1_000_000));
      }
      List<CapturePipe> watched =
          now >= capturesDueAt
              ? captures.stream().filter(c -> !c.ended()).toList()
              : List.<CapturePipe>of();
      if (watched.isEmpty() && capturesDueAt > now) {
        timeoutMs = (int) Math.max(1, Math.min(timeoutMs, (capturesDueAt - now) / 1_000_000));
      }
      long before = capturedBytes(captures);
      byte[] message = init.control().receive(timeoutMs, watched);
      long moved = capturedBytes(captures) - before;
      // A trickle of output would wake the worker for every line: after a small batch, let the
      // pipe fill for a millisecond. A full pipe is drained again at once.
      capturesDueAt = moved > 0 && moved < CAPTURE_BATCH_BYTES ? System.nanoTime() + 1_000_000 : 0;
      if (message == null) {
        continue;
      }
      InitReply reply = InitReply.parse(message);
      if (reply instanceof InitReply.Started s) {
        started = s;
      } else if (reply instanceof InitReply.Failed f) {
        failure = describe(plan.steps(f.phase()), f);
        if (f.phase() == StepPhase.INIT) {
          // No exit report follows, and the cleanup steps never ran: the sandbox is done.
          brokenReason = failure.message();
          return new Supervision(null, null, failure, killedFor);
        }
        if (f.phase() == StepPhase.PREPARE) {
          return new Supervision(null, null, failure, killedFor);
        }
      } else if (reply instanceof InitReply.Exited exited) {
        if (exited.cleanupFailedIndex() >= 0) {
          Step step = plan.cleanup().get(exited.cleanupFailedIndex());
          brokenReason =
              "cleanup step "
                  + exited.cleanupFailedIndex()
                  + " "
                  + step.describe()
                  + ": "
                  + Errno.name(exited.cleanupErrno());
        }
        if (started == null && failure == null) {
          failure = hostError("exec", 0, "the run's child died before exec");
        }
        // Every process of the run is gone: what is left in the pipes ends with an end-of-file.
        captures.forEach(CapturePipe::drainToEnd);
        if (killedFor == KillReason.NONE && captures.stream().anyMatch(CapturePipe::overLimit)) {
          killedFor = KillReason.OUTPUT;
        }
        return new Supervision(started, exited, failure, killedFor);
      }
    }
  }

  private void kill(RunCgroup cgroup) {
    init.control().send(PlanEncoder.control(PlanEncoder.MSG_KILL), new int[0]);
    cgroup.killAll();
  }

  private RunResult result(
      RunSpec run,
      RunPlan plan,
      RunCgroup cgroup,
      Supervision s,
      long requested,
      CapturePipe stdout,
      CapturePipe stderr) {
    CapturedOutput out = captured(stdout);
    CapturedOutput err = captured(stderr);
    InitReply.Started started = s.started();
    InitReply.Exited exited = s.exited();
    long preExec = started == null ? 0 : started.preExecCpuNanos();
    long cpu = started == null ? 0 : Math.max(0, cgroup.cpuNanos() - preExec);
    long[] userSystem = cgroup.cpuUserSystemNanos();
    long wall =
        started == null || exited == null
            ? 0
            : Math.max(0, exited.exitNanos() - started.execNanos());
    long oomKills = cgroup.oomKills();
    String violation = null;
    if (exited != null && exited.violationNr() >= 0) {
      violation = SeccompCompiler.describeCall(exited.violationArch(), exited.violationNr());
    }
    // What the run allocated is its cgroup's peak less the page cache of files it only read;
    // the resident set of its main process also holds pages it maps but never allocated, such as
    // its own executable's (charged to the compile that wrote it).
    long memory =
        Math.max(
            Math.max(0, cgroup.memoryPeakBytes() - cgroup.pageCacheBytes()),
            exited == null ? 0 : exited.maxRssKib() * 1024);
    SetupError failure = s.failure();
    boolean ownExec = failure != null && isOwnExecFailure(plan, failure, run);
    RunFacts facts =
        new RunFacts(
            ownExec ? null : failure,
            ownExec ? failure : null,
            exited == null ? null : exited.exitCode(),
            exited == null ? null : exited.signal(),
            s.killedFor(),
            cpu,
            wall,
            memory,
            oomKills,
            violation,
            Math.max(out.bytes(), err.bytes()));
    StatusClassifier.Classification c = StatusClassifier.classify(facts, run.limits());
    Duration setup =
        Duration.ofNanos(started == null ? 0 : Math.max(0, started.execNanos() - requested));
    return new RunResult(
        c.status(),
        c.cause(),
        facts.exitCode(),
        facts.signal(),
        Duration.ofNanos(userSystem[0]),
        Duration.ofNanos(userSystem[1]),
        Duration.ofNanos(cpu),
        Duration.ofNanos(wall),
        memory,
        oomKills > 0,
        cgroup.tasksPeak(),
        out,
        err,
        setup,
        failure,
        violation,
        exited == null ? 0 : exited.exitNanos());
  }

  /**
   * Whether the run failed at its exec of a file in the work directory: the submission's own
   * program (an ELF whose interpreter does not exist, a binary for another machine), its fault and
   * not the judge's. Toolchains and validators live outside the work directory or are judged by
   * their callers.
   */
  private static boolean isOwnExecFailure(RunPlan plan, SetupError failure, RunSpec run) {
    if (failure.phase() != StepPhase.CHILD
        || failure.stepIndex() < 0
        || failure.stepIndex() >= plan.child().size()) {
      return false;
    }
    Step step = plan.child().get(failure.stepIndex());
    return step.code() == StepCode.EXEC && run.argv().get(0).startsWith(MountLayer.WORK_DIR + "/");
  }

  private static CapturedOutput captured(CapturePipe pipe) {
    if (pipe == null) {
      return CapturedOutput.NONE;
    }
    HostFiles.Head head = HostFiles.head(pipe.file(), CAPTURE_BYTES);
    return new CapturedOutput(pipe.file(), pipe.bytes(), pipe.overLimit(), head.bytes());
  }

  private static long capturedBytes(List<CapturePipe> captures) {
    long sum = 0;
    for (CapturePipe c : captures) {
      sum += c.bytes();
    }
    return sum;
  }

  private RunResult internalError(RunSpec run, long requested, SetupError error) {
    CapturedOutput none = CapturedOutput.NONE;
    return new RunResult(
        RunStatus.IE,
        RunCause.SETUP,
        null,
        null,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ZERO,
        0,
        false,
        0,
        none,
        none,
        Duration.ofNanos(System.nanoTime() - requested),
        error,
        null,
        0);
  }

  private static SetupError hostError(String call, int errno, String reason) {
    return new SetupError(StepPhase.HOST, -1, call, errno, reason);
  }

  private static SetupError describe(List<Step> steps, InitReply.Failed failed) {
    int index = failed.stepIndex();
    if (failed.phase() == StepPhase.INIT) {
      return new SetupError(
          StepPhase.INIT, -1, InitOp.describe(index), failed.errno(), Errno.name(failed.errno()));
    }
    String call =
        index >= 0 && index < steps.size()
            ? steps.get(index).describe()
            : "step " + index + " (not in the plan)";
    return new SetupError(failed.phase(), index, call, failed.errno(), Errno.name(failed.errno()));
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
