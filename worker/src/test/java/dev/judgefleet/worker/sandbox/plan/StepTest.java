package dev.judgefleet.worker.sandbox.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A failing step is named as the call it makes, arguments and flags spelled out. */
class StepTest {
  @Test
  void describesAMountWithFlagNames() {
    Step step =
        Steps.mount(
            "proc",
            "/proc",
            "proc",
            Kernel.SysMount.MS_NOSUID | Kernel.SysMount.MS_NODEV | Kernel.SysMount.MS_NOEXEC,
            "hidepid=2");
    assertEquals(
        "mount(\"proc\", \"/proc\", \"proc\", MS_NOSUID|MS_NODEV|MS_NOEXEC, \"hidepid=2\")",
        step.describe());
  }

  @Test
  void describesNullArgumentsAsNull() {
    assertEquals(
        "mount(NULL, \"/\", NULL, MS_REC|MS_PRIVATE, NULL)",
        Steps.mount("", "/", "", Kernel.SysMount.MS_REC | Kernel.SysMount.MS_PRIVATE, "")
            .describe());
  }

  @Test
  void describesLimitsCapabilitiesAndExec() {
    assertEquals(
        "setrlimit(RLIMIT_FSIZE, {1024, 1024})",
        Steps.setrlimit(Kernel.SysResource.RLIMIT_FSIZE, 1024, 1024).describe());
    assertEquals(
        "setrlimit(RLIMIT_CORE, {0, RLIM_INFINITY})",
        Steps.setrlimit(Kernel.SysResource.RLIMIT_CORE, 0, Kernel.SysResource.RLIM_INFINITY)
            .describe());
    assertEquals("prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN)", Steps.capbsetDrop(21).describe());
    assertEquals(
        "execve(\"/usr/bin/python3\", [\"/usr/bin/python3\", \"main.py\"])",
        Steps.exec("/usr/bin/python3", List.of("/usr/bin/python3", "main.py"), List.of("A=1"))
            .describe());
  }
}
