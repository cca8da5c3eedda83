package dev.judgefleet.worker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the engine creates cgroups, on the host layouts judge nodes have. */
class CgroupTopologyTest {

  @Test
  void hybridHostWithTheMemoryControllerInASubCgroup() {
    String mountinfo =
        """
        25 1 0:23 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
        26 25 0:24 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
        27 25 0:25 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
        29 25 0:27 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
        33 25 0:31 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
        35 25 0:33 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
        """;
    String self =
        """
        8:pids:/
        4:memory:/process_api/adc32bf9
        2:cpuacct:/
        1:cpu:/
        0::/
        """;
    CgroupTopology t = CgroupTopology.parse(mountinfo, self);
    assertEquals(Optional.of(Path.of("/sys/fs/cgroup/unified")), t.unified());
    assertEquals(Path.of("/sys/fs/cgroup/memory/process_api/adc32bf9"), t.legacy().get("memory"));
    assertEquals(Path.of("/sys/fs/cgroup/pids"), t.legacy().get("pids"));
    assertEquals(Path.of("/sys/fs/cgroup/cpuacct"), t.legacy().get("cpuacct"));
    assertTrue(t.hasLegacy());
  }

  @Test
  void pureV2InAKubernetesContainer() {
    String mountinfo =
        "1370 1361 0:30 /kubepods/burstable/pod1/abc /sys/fs/cgroup ro,nosuid - cgroup2 cgroup rw\n";
    String self = "0::/kubepods/burstable/pod1/abc\n";
    CgroupTopology t = CgroupTopology.parse(mountinfo, self);
    assertEquals(Optional.of(Path.of("/sys/fs/cgroup")), t.unified());
    assertFalse(t.hasLegacy());
  }

  @Test
  void pureV2WithACgroupNamespace() {
    CgroupTopology t =
        CgroupTopology.parse("30 25 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n", "0::/\n");
    assertEquals(Optional.of(Path.of("/sys/fs/cgroup")), t.unified());
  }

  @Test
  void legacyHostWithCpuAndCpuacctCoMounted() {
    String mountinfo =
        """
        30 25 0:26 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct
        31 25 0:27 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory
        32 25 0:28 / /sys/fs/cgroup/pids rw - cgroup cgroup rw,pids
        """;
    String self =
        """
        5:pids:/system.slice/judge.service
        4:memory:/system.slice/judge.service
        3:cpu,cpuacct:/system.slice/judge.service
        """;
    CgroupTopology t = CgroupTopology.parse(mountinfo, self);
    assertEquals(
        Path.of("/sys/fs/cgroup/cpu,cpuacct/system.slice/judge.service"),
        t.legacy().get("cpuacct"));
    assertTrue(t.unified().isEmpty());
    assertTrue(t.hasLegacy());
  }

  @Test
  void mountPointsWithEscapedSpaces() {
    CgroupTopology t =
        CgroupTopology.parse(
            "30 25 0:26 / /mnt/my\\040cgroups rw - cgroup2 cgroup2 rw\n", "0::/a\n");
    assertEquals(Optional.of(Path.of("/mnt/my cgroups/a")), t.unified());
  }
}
