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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.worker.sandbox.plan.Step;
import dev.judgefleet.worker.sandbox.plan.StepCode;
import dev.judgefleet.worker.sandbox.plan.Steps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountLayerTest {
  private static final String ROOT = "/run/judgefleet/sandbox-0-1/root";

  @TempDir Path host;

  private SandboxSpec spec(List<Bind> binds) {
    return new SandboxSpec(0, Optional.empty(), binds, 64 << 20, 8 << 20, "judge");
  }

  @Test
  void firstStopsPropagationThenMountsATmpfsRoot() {
    List<Step> steps = MountLayer.setup(spec(List.of()), ROOT, 60000, 60000);
    assertEquals(Steps.mount("", "/", "", MS_REC | MS_PRIVATE, ""), steps.get(0));
    assertEquals(
        Steps.mount("tmpfs", ROOT, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755"),
        steps.get(1));
  }

  @Test
  void endsWithPivotDetachAndAReadOnlyRoot() {
    List<Step> steps = MountLayer.setup(spec(List.of()), ROOT, 60000, 60000);
    List<Step> tail = steps.subList(steps.size() - 5, steps.size());
    assertEquals(
        List.of(
            Steps.chdir(ROOT),
            Steps.pivotRoot(".", "."),
            Steps.umount(".", MNT_DETACH),
            Steps.chdir("/"),
            Steps.mount("", "/", "", MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, "")),
        tail);
  }

  @Test
  void bindsDirectoriesReadOnlyAndRecreatesSymlinks() throws IOException {
    Path usr = Files.createDirectory(host.resolve("usr"));
    Path bin = Files.createSymbolicLink(host.resolve("bin"), Path.of("usr/bin"));
    Path passwd = Files.writeString(host.resolve("passwd"), "root:x:0:0::/root:/bin/sh\n");
    List<Step> steps =
        MountLayer.setup(
            spec(
                List.of(
                    new Bind(usr, "/usr", false),
                    new Bind(bin, "/bin", false),
                    new Bind(passwd, "/etc/passwd", false))),
            ROOT,
            60000,
            60000);
    long ro = MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV;
    assertContainsInOrder(
        steps,
        Steps.symlink("usr/bin", ROOT + "/bin"),
        Steps.mkdir(ROOT + "/etc", 0755),
        Steps.createFile(ROOT + "/etc/passwd", 0444),
        Steps.mount(passwd.toString(), ROOT + "/etc/passwd", "", MS_BIND, ""),
        Steps.mount("", ROOT + "/etc/passwd", "", ro, ""),
        Steps.mkdir(ROOT + "/usr", 0755),
        Steps.mount(usr.toString(), ROOT + "/usr", "", MS_BIND, ""),
        Steps.mount("", ROOT + "/usr", "", ro, ""));
  }

  @Test
  void skipsAMissingOptionalBindAndRefusesAMissingRequiredOne() {
    Bind optional = new Bind(host.resolve("absent"), "/opt/x", true);
    assertTrue(
        MountLayer.setup(spec(List.of(optional)), ROOT, 1, 1).stream()
            .noneMatch(s -> s.strings().contains(ROOT + "/opt/x")));
    Bind required = new Bind(host.resolve("absent"), "/opt/x", false);
    assertThrows(
        IllegalArgumentException.class,
        () -> MountLayer.setup(spec(List.of(required)), ROOT, 1, 1));
  }

  @Test
  void devHasOnlyTheFiveNodesAndIsReadOnly() {
    List<Step> steps = MountLayer.setup(spec(List.of()), ROOT, 1, 1);
    List<String> nodes =
        steps.stream()
            .filter(s -> s.code() == StepCode.CREATE_FILE)
            .map(s -> s.stringArg(0))
            .toList();
    assertEquals(
        List.of("null", "zero", "full", "random", "urandom").stream()
            .map(n -> ROOT + "/dev/" + n)
            .toList(),
        nodes);
    assertTrue(
        steps.contains(
            Steps.mount(
                "",
                ROOT + "/dev",
                "",
                MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NOEXEC,
                "")));
  }

  @Test
  void procShowsOnlyTheSandboxAndHidesPid1() {
    List<Step> steps = MountLayer.setup(spec(List.of()), ROOT, 1, 1);
    assertTrue(
        steps.contains(
            Steps.mount(
                "proc", ROOT + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, "hidepid=2")));
  }

  @Test
  void workDirIsASizeCappedTmpfsOwnedByTheRunUser() {
    List<Step> steps = MountLayer.setup(spec(List.of()), ROOT, 60003, 60004);
    assertTrue(
        steps.contains(
            Steps.mount(
                "tmpfs",
                ROOT + "/box",
                "tmpfs",
                MS_NOSUID | MS_NODEV,
                "size=67108864,nr_inodes=16384,mode=0755,uid=60003,gid=60004")));
  }

  @Test
  void aRunRemountsTheWorkDirAndCleanupRenewsTmp() {
    assertEquals(
        List.of(Steps.mount("", "/box", "", MS_REMOUNT | MS_BIND | MS_NOSUID | MS_NODEV, "")),
        MountLayer.prepare(true));
    assertEquals(
        List.of(
            Steps.mount(
                "", "/box", "", MS_REMOUNT | MS_BIND | MS_NOSUID | MS_NODEV | MS_RDONLY, "")),
        MountLayer.prepare(false));
    SandboxSpec spec = spec(List.of());
    assertEquals(
        List.of(
            Steps.umount("/tmp", MNT_DETACH),
            Steps.mount(
                "tmpfs",
                "/tmp",
                "tmpfs",
                MS_NOSUID | MS_NODEV,
                "size=67108864,nr_inodes=16384,mode=1777"),
            Steps.umount("/dev/shm", MNT_DETACH),
            Steps.mount(
                "tmpfs",
                "/dev/shm",
                "tmpfs",
                MS_NOSUID | MS_NODEV | MS_NOEXEC,
                "size=8388608,nr_inodes=16384,mode=1777")),
        MountLayer.cleanup(spec));
  }

  @Test
  void anImageRootNeedsItsMountPointsAndIsNeverWritten() throws IOException {
    Path image = Files.createDirectory(host.resolve("image"));
    SandboxSpec spec = new SandboxSpec(0, Optional.of(image), List.of(), 1 << 20, 1 << 20, "j");
    assertThrows(IllegalArgumentException.class, () -> MountLayer.setup(spec, ROOT, 1, 1));
    for (String dir : List.of("dev", "proc", "tmp", "box")) {
      Files.createDirectory(image.resolve(dir));
    }
    List<Step> steps = MountLayer.setup(spec, ROOT, 1, 1);
    assertEquals(Steps.mount(image.toString(), ROOT, "", MS_BIND | MS_REC, ""), steps.get(1));
    assertTrue(
        steps.stream()
            .filter(s -> s.code() == StepCode.MKDIR)
            .allMatch(s -> s.stringArg(0).startsWith(ROOT + "/dev/")),
        "only inside our own /dev tmpfs");
  }

  private static void assertContainsInOrder(List<Step> steps, Step... expected) {
    int from = 0;
    for (Step step : expected) {
      int at = steps.subList(from, steps.size()).indexOf(step);
      assertTrue(at >= 0, "missing or out of order: " + step.describe() + "\nin " + steps);
      from += at + 1;
    }
  }
}
