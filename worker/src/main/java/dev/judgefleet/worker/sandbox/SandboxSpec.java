package dev.judgefleet.worker.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one sandbox looks like: who runs in it and what it sees.
 *
 * @param slot the worker slot; picks the unprivileged uid/gid (first + slot)
 * @param rootfs a directory to use as the root filesystem, or empty for the host's binds
 * @param binds read-only host paths to show (with an empty rootfs: the whole visible system)
 * @param tmpBytes size cap of /tmp (and of the work directory /box)
 * @param shmBytes size cap of /dev/shm
 * @param hostname the sandbox's host name
 */
public record SandboxSpec(
    int slot,
    Optional<Path> rootfs,
    List<Bind> binds,
    long tmpBytes,
    long shmBytes,
    String hostname) {

  public SandboxSpec {
    Objects.requireNonNull(rootfs, "rootfs");
    binds = List.copyOf(binds);
    if (slot < 0) {
      throw new IllegalArgumentException("slot must not be negative: " + slot);
    }
    if (tmpBytes <= 0 || shmBytes <= 0) {
      throw new IllegalArgumentException("tmpfs sizes must be positive");
    }
  }

  /** The default view of the host: programs, libraries, and the few /etc files they read. */
  public static List<Bind> hostBinds() {
    return List.of(
        Bind.same("/usr"),
        Bind.same("/bin"),
        Bind.same("/sbin"),
        Bind.same("/lib"),
        Bind.same("/lib32"),
        Bind.same("/lib64"),
        Bind.same("/libx32"),
        Bind.same("/etc/alternatives"),
        Bind.same("/etc/ld.so.cache"),
        Bind.same("/etc/ld.so.conf"),
        Bind.same("/etc/ld.so.conf.d"),
        Bind.same("/etc/localtime"),
        Bind.same("/etc/nsswitch.conf"),
        Bind.same("/etc/passwd"),
        Bind.same("/etc/group"),
        Bind.same("/etc/java-17-openjdk"),
        Bind.same("/etc/java-21-openjdk"),
        Bind.same("/etc/python3"),
        Bind.same("/etc/python3.11"));
  }

  public static SandboxSpec forSlot(int slot) {
    return new SandboxSpec(
        slot, Optional.empty(), hostBinds(), 256 * RunLimits.MIB, 64 * RunLimits.MIB, "judge");
  }

  /**
   * A sandbox whose read-only root is a root filesystem image (it must hold the mount points {@code
   * /dev}, {@code /proc}, {@code /tmp} and {@code /box}, and the targets of later binds).
   */
  public static SandboxSpec inImage(int slot, Path rootfs) {
    return new SandboxSpec(
        slot, Optional.of(rootfs), List.of(), 256 * RunLimits.MIB, 64 * RunLimits.MIB, "judge");
  }

  /**
   * Output validators and checkers run under a uid range of their own (slot + {@link
   * #VALIDATOR_SLOT_OFFSET}), never the one of the submission they judge.
   */
  public static final int VALIDATOR_SLOT_OFFSET = 512;

  public static SandboxSpec forValidator(int slot) {
    return forSlot(slot + VALIDATOR_SLOT_OFFSET);
  }

  public SandboxSpec withBinds(List<Bind> more) {
    List<Bind> all = new java.util.ArrayList<>(binds);
    all.addAll(more);
    return new SandboxSpec(slot, rootfs, all, tmpBytes, shmBytes, hostname);
  }
}
