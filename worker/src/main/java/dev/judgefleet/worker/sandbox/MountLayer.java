package dev.judgefleet.worker.sandbox;

import static dev.judgefleet.worker.sandbox.plan.Kernel.SysMount.MNT_DETACH;
import static dev.judgefleet.worker.sandbox.plan.Kernel.SysMount.MS_BIND;
import static dev.judgefleet.worker.sandbox.plan.Kernel.SysMount.MS_NODEV;
import static dev.judgefleet.worker.sandbox.plan.Kernel.SysMount.MS_NOEXEC;
import static dev.judgefleet.worker.sandbox.plan.Kernel.SysMount.MS_NOSUID;
import static dev.judgefleet.worker.sandbox.plan.Kernel.SysMount.MS_PRIVATE;
import static dev.judgefleet.worker.sandbox.plan.Kernel.SysMount.MS_RDONLY;
import static dev.judgefleet.worker.sandbox.plan.Kernel.SysMount.MS_REC;
import static dev.judgefleet.worker.sandbox.plan.Kernel.SysMount.MS_REMOUNT;

import dev.judgefleet.worker.sandbox.plan.Step;
import dev.judgefleet.worker.sandbox.plan.Steps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The mount layer: the sandbox's root filesystem, built by PID 1 in its own mount namespace, then
 * pivot_root(2) into it and the old root detached.
 *
 * <p>What a program sees: a read-only root ({@code nosuid,nodev}) made of the host's {@code /usr},
 * {@code /lib*} and a few {@code /etc} files (or a configured root filesystem directory); a
 * size-capped tmpfs {@code /tmp} and {@code /dev/shm}, fresh for every run; the work directory
 * {@code /box}, a size-capped tmpfs owned by the run's uid, writable only in runs that ask for it;
 * {@code /dev} with only null, zero, full, random and urandom; and a {@code /proc} of its own PID
 * namespace that hides PID 1 ({@code hidepid=2}).
 */
public final class MountLayer {
  public static final String WORK_DIR = "/box";
  private static final long RO = MS_RDONLY | MS_NOSUID | MS_NODEV;
  private static final long TMPFS_FLAGS = MS_NOSUID | MS_NODEV;
  private static final List<String> DEVICES = List.of("null", "zero", "full", "random", "urandom");
  private static final int TMPFS_INODES = 16384;

  private MountLayer() {}

  /**
   * The setup steps, with {@code newRoot} the empty host directory PID 1 mounts the root on.
   *
   * @param uid the owner of the work directory
   */
  public static List<Step> setup(SandboxSpec spec, String newRoot, int uid, int gid) {
    Tree tree = new Tree(newRoot, spec.rootfs().isPresent());
    // Our mounts must not propagate to the host, nor the host's to us (mount_namespaces(7)).
    tree.steps.add(Steps.mount("", "/", "", MS_REC | MS_PRIVATE, ""));
    if (spec.rootfs().isPresent()) {
      Path rootfs = spec.rootfs().get();
      requireMountPoints(rootfs, spec);
      tree.steps.add(Steps.mount(rootfs.toString(), newRoot, "", MS_BIND | MS_REC, ""));
    } else {
      tree.steps.add(Steps.mount("tmpfs", newRoot, "tmpfs", TMPFS_FLAGS, "size=1m,mode=0755"));
    }
    binds(tree, spec);
    devices(tree);
    tree.mkdir("/proc");
    tree.steps.add(
        Steps.mount(
            "proc", newRoot + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, "hidepid=2"));
    tree.mkdir("/tmp");
    tree.steps.add(tmp(newRoot + "/tmp", spec.tmpBytes()));
    tree.steps.add(shm(newRoot + "/dev/shm", spec.shmBytes()));
    tree.mkdir(WORK_DIR);
    tree.steps.add(
        Steps.mount(
            "tmpfs",
            newRoot + WORK_DIR,
            "tmpfs",
            TMPFS_FLAGS,
            "size="
                + spec.tmpBytes()
                + ",nr_inodes="
                + TMPFS_INODES
                + ",mode=0755,uid="
                + uid
                + ",gid="
                + gid));
    // pivot_root(".", "."): the old root ends up stacked on the new one and is detached at once,
    // so no path leads back to the host (pivot_root(2), NOTES).
    tree.steps.add(Steps.chdir(newRoot));
    tree.steps.add(Steps.pivotRoot(".", "."));
    tree.steps.add(Steps.umount(".", MNT_DETACH));
    tree.steps.add(Steps.chdir("/"));
    tree.steps.add(Steps.mount("", "/", "", MS_REMOUNT | MS_BIND | RO, ""));
    return tree.steps;
  }

  /** Before a run: the work directory read-write (a compile) or read-only (a test). */
  public static List<Step> prepare(boolean workWritable) {
    long flags = MS_REMOUNT | MS_BIND | MS_NOSUID | MS_NODEV | (workWritable ? 0 : MS_RDONLY);
    return List.of(Steps.mount("", WORK_DIR, "", flags, ""));
  }

  /** After a run: fresh, empty /tmp and /dev/shm for the next one. */
  public static List<Step> cleanup(SandboxSpec spec) {
    return List.of(
        Steps.umount("/tmp", MNT_DETACH),
        tmp("/tmp", spec.tmpBytes()),
        Steps.umount("/dev/shm", MNT_DETACH),
        shm("/dev/shm", spec.shmBytes()));
  }

  private static Step tmp(String target, long bytes) {
    return Steps.mount(
        "tmpfs",
        target,
        "tmpfs",
        TMPFS_FLAGS,
        "size=" + bytes + ",nr_inodes=" + TMPFS_INODES + ",mode=1777");
  }

  private static Step shm(String target, long bytes) {
    return Steps.mount(
        "tmpfs",
        target,
        "tmpfs",
        TMPFS_FLAGS | MS_NOEXEC,
        "size=" + bytes + ",nr_inodes=" + TMPFS_INODES + ",mode=1777");
  }

  private static void binds(Tree tree, SandboxSpec spec) {
    List<Bind> sorted = new ArrayList<>(spec.binds());
    sorted.sort(Comparator.comparing(Bind::target));
    for (Bind bind : sorted) {
      Path source = bind.source();
      if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
        if (bind.optional()) {
          continue;
        }
        throw new IllegalArgumentException("bind source " + source + " does not exist");
      }
      String target = tree.newRoot + bind.target();
      tree.mkdirParents(bind.target());
      if (Files.isSymbolicLink(source)) {
        // /bin -> usr/bin on merged-/usr systems: the same link, not a second copy of /usr.
        if (!tree.image) {
          tree.steps.add(Steps.symlink(readLink(source), target));
        }
        continue;
      }
      if (Files.isDirectory(source)) {
        tree.mkdir(bind.target());
      } else {
        tree.createFile(bind.target(), 0444);
      }
      // A bind mount takes the flags of the remount that follows it (mount(2), MS_BIND).
      tree.steps.add(Steps.mount(source.toString(), target, "", MS_BIND, ""));
      tree.steps.add(Steps.mount("", target, "", MS_REMOUNT | MS_BIND | RO, ""));
    }
  }

  private static void devices(Tree tree) {
    tree.mkdir("/dev");
    String dev = tree.newRoot + "/dev";
    // Our own tmpfs on /dev, also over an image's /dev: it is never written to the image.
    tree.steps.add(Steps.mount("tmpfs", dev, "tmpfs", MS_NOSUID | MS_NOEXEC, "size=64k,mode=0755"));
    for (String device : DEVICES) {
      tree.steps.add(Steps.createFile(dev + "/" + device, 0666));
      // Device nodes need a mount without nodev; they stay nosuid and noexec.
      tree.steps.add(Steps.mount("/dev/" + device, dev + "/" + device, "", MS_BIND, ""));
      tree.steps.add(
          Steps.mount(
              "", dev + "/" + device, "", MS_REMOUNT | MS_BIND | MS_NOSUID | MS_NOEXEC, ""));
    }
    tree.steps.add(Steps.symlink("/proc/self/fd", dev + "/fd"));
    tree.steps.add(Steps.symlink("/proc/self/fd/0", dev + "/stdin"));
    tree.steps.add(Steps.symlink("/proc/self/fd/1", dev + "/stdout"));
    tree.steps.add(Steps.symlink("/proc/self/fd/2", dev + "/stderr"));
    tree.steps.add(Steps.mkdir(dev + "/shm", 01777));
    tree.steps.add(
        Steps.mount("", dev, "", MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NOEXEC, ""));
  }

  /**
   * The new root under construction. On our own tmpfs root, directories and files to mount on are
   * created as needed; in a root filesystem image they must exist already (the image is bound
   * read-write until the final remount, and must never be changed).
   */
  private static final class Tree {
    final String newRoot;
    final boolean image;
    final List<Step> steps = new ArrayList<>();
    private final Set<String> dirs = new HashSet<>(Set.of("/"));

    Tree(String newRoot, boolean image) {
      this.newRoot = newRoot;
      this.image = image;
    }

    void mkdir(String dir) {
      if (!image && dirs.add(dir)) {
        steps.add(Steps.mkdir(newRoot + dir, 0755));
      }
    }

    void mkdirParents(String target) {
      List<String> missing = new ArrayList<>();
      for (Path p = Path.of(target).getParent(); p != null; p = p.getParent()) {
        missing.add(0, p.toString());
      }
      missing.forEach(this::mkdir);
    }

    void createFile(String path, int mode) {
      if (!image) {
        steps.add(Steps.createFile(newRoot + path, mode));
      }
    }
  }

  private static void requireMountPoints(Path rootfs, SandboxSpec spec) {
    List<String> needed = new ArrayList<>(List.of("dev", "proc", "tmp", WORK_DIR.substring(1)));
    for (Bind bind : spec.binds()) {
      needed.add(bind.target().substring(1));
    }
    for (String path : needed) {
      if (!Files.exists(rootfs.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
        throw new IllegalArgumentException(
            "root filesystem " + rootfs + " lacks the mount point /" + path);
      }
    }
  }

  private static String readLink(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("readlink " + link, e);
    }
  }
}
