package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.linux.KernelFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The sandbox engine of one worker: knows the node (cgroup backend, capability count, the init
 * binary), keeps a pool of fresh run cgroups and the compiled seccomp profiles, and opens
 * sandboxes. Thread-safe; each {@link Sandbox} is used by one thread at a time.
 */
public final class SandboxEngine implements AutoCloseable {
  private final EngineSettings settings;
  private final SandboxServices services;
  private final UidLease uids;
  private final CpuPinning pinning;
  private final AtomicLong sequence = new AtomicLong();

  /** Several workers (or a worker and a command) may share a state directory. */
  private static final long PID = ProcessHandle.current().pid();

  private SandboxEngine(EngineSettings settings, SandboxServices services, UidLease uids) {
    this.settings = settings;
    this.services = services;
    this.uids = uids;
    this.pinning = new CpuPinning(settings.pinCpus(), settings.slots(), CpuPinning.allowedHere());
  }

  /** Starts the engine: state directory, init binary, cgroup backend. Needs root. */
  public static SandboxEngine start(EngineSettings settings) {
    Path stateDir = settings.stateDir();
    try {
      Files.createDirectories(stateDir);
      // Root only: the sandboxes' mount points and output files live here.
      Files.setPosixFilePermissions(stateDir, PosixFilePermissions.fromString("rwx--x--x"));
    } catch (IOException e) {
      throw new UncheckedIOException("preparing the state directory " + stateDir, e);
    }
    removeStaleSandboxes(stateDir);
    Path init = settings.initBinary().orElseGet(() -> InitBinary.extract(stateDir));
    int lastCap =
        Integer.parseInt(KernelFiles.read(Path.of("/proc/sys/kernel/cap_last_cap")).strip());
    UidLease uids = UidLease.claim(settings.firstUid(), settings.firstGid(), UidLease.LOCK_DIR);
    try {
      writeUidFile(stateDir, uids);
      CgroupBackend backend = CgroupBackends.open(settings.cgroupVersion());
      NodeFacts node = new NodeFacts(init, lastCap, Runtime.getRuntime().availableProcessors());
      SandboxServices services =
          new SandboxServices(
              node,
              new CgroupPool(backend, settings.cgroupPoolSize()),
              new SeccompPrograms(),
              new LongAdder());
      return new SandboxEngine(settings, services, uids);
    } catch (RuntimeException e) {
      uids.close();
      throw e;
    }
  }

  /**
   * Tells other processes (an operator, a test checking for leftovers) which uids this engine's
   * programs run as: {@code uids-PID-FIRSTUID} in the state directory, "first-uid first-gid count".
   */
  private static Path uidFile(Path stateDir, UidLease uids) {
    return stateDir.resolve("uids-" + PID + "-" + uids.firstUid());
  }

  private static void writeUidFile(Path stateDir, UidLease uids) {
    Path file = uidFile(stateDir, uids);
    try {
      Files.writeString(file, uids.firstUid() + " " + uids.firstGid() + " " + UidLease.SIZE + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  /**
   * Removes what sandboxes of workers that no longer run left in the state directory (a killed
   * worker cannot clean up; its sandboxes died with it, their host files did not).
   */
  private static void removeStaleSandboxes(Path stateDir) {
    try (var entries = Files.list(stateDir)) {
      for (Path dir : entries.toList()) {
        String[] parts = dir.getFileName().toString().split("-");
        if (parts.length == 3
            && parts[0].equals("uids")
            && parts[1].matches("\\d+")
            && ProcessHandle.of(Long.parseLong(parts[1])).isEmpty()) {
          Files.deleteIfExists(dir);
        } else if (parts.length == 4
            && parts[0].equals("sandbox")
            && parts[1].matches("\\d+")
            && ProcessHandle.of(Long.parseLong(parts[1])).isEmpty()) {
          Sandbox.deleteTree(dir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cleaning the state directory " + stateDir, e);
    }
  }

  /** Creates a sandbox: new namespaces, its root filesystem, ready for runs. */
  public Sandbox open(SandboxSpec spec) {
    Path dir =
        settings
            .stateDir()
            .resolve("sandbox-" + PID + "-" + spec.slot() + "-" + sequence.incrementAndGet());
    return Sandbox.open(
        services, spec, dir, uid(spec.slot()), gid(spec.slot()), pinning.cpuFor(spec.slot()));
  }

  /** "v1" or "v2". */
  public String cgroupVersion() {
    return services.cgroups().backend().version();
  }

  /** Where the run cgroups live. */
  public Path cgroupBase() {
    return services.cgroups().backend().base();
  }

  /** CPU time of every program this engine has run, from their execs: the programs' own cost. */
  public long totalRunCpuNanos() {
    return services.runCpuNanos().sum();
  }

  EngineSettings settings() {
    return settings;
  }

  /** What the engine learned about the node at start. */
  public NodeFacts node() {
    return services.node();
  }

  /** The uids and gids this engine's programs run as, and no other engine's. */
  public UidLease uids() {
    return uids;
  }

  int uid(int slot) {
    return uids.firstUid() + checkedSlot(slot);
  }

  int gid(int slot) {
    return uids.firstGid() + checkedSlot(slot);
  }

  private static int checkedSlot(int slot) {
    if (slot >= UidLease.SIZE) {
      throw new IllegalArgumentException(
          "slot " + slot + " is outside the engine's " + UidLease.SIZE + " uids");
    }
    return slot;
  }

  /** The profile's BPF program, compiled once. */
  byte[] seccompProgram(String profile) {
    return services.seccomp().of(profile);
  }

  @Override
  public void close() {
    services.cgroups().close();
    try {
      Files.deleteIfExists(uidFile(settings.stateDir(), uids));
    } catch (IOException e) {
      throw new UncheckedIOException("removing the uid file", e);
    } finally {
      uids.close();
    }
  }
}
