package dev.judgefleet.worker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.worker.sandbox.plan.CgroupLimits;
import dev.judgefleet.worker.sandbox.plan.Kernel;
import dev.judgefleet.worker.sandbox.plan.Kernel.Fcntl;
import dev.judgefleet.worker.sandbox.plan.Kernel.SysResource;
import dev.judgefleet.worker.sandbox.plan.PassedFile;
import dev.judgefleet.worker.sandbox.plan.RunPlan;
import dev.judgefleet.worker.sandbox.plan.Step;
import dev.judgefleet.worker.sandbox.plan.StepCode;
import dev.judgefleet.worker.sandbox.plan.Steps;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The whole child sequence of a run, step by step: the order is the security argument. */
class LaunchPlannerTest {
  private static final byte[] BPF = new byte[16];
  private static final int LAST_CAP = 40;

  private final SandboxSpec sandbox =
      new SandboxSpec(2, Optional.empty(), List.of(), 64 << 20, 8 << 20, "judge");
  private final FakeCgroup cgroup =
      new FakeCgroup(
          List.of(
              Path.of("/cg/memory/run-1/cgroup.procs"), Path.of("/cg/pids/run-1/cgroup.procs")));

  private RunPlan plan(RunLimits limits) {
    RunSpec run = RunSpec.of(List.of("/box/main", "x"), limits);
    return LaunchPlanner.run(
        run,
        new LaunchPlanner.RunContext(
            sandbox,
            60002,
            60002,
            LAST_CAP,
            cgroup,
            BPF,
            new Redirect.Copy(Path.of("/data/1.in")),
            new Redirect.Pipe(11, "stdout", false),
            new Redirect.Pipe(12, "stderr", false)));
  }

  @Test
  void theChildStepsInOrder() {
    RunLimits limits =
        RunLimits.forCpu(Duration.ofMillis(1500)).withOutputBytes(1 << 20).withStackBytes(8 << 20);
    List<Step> expected = new ArrayList<>();
    expected.add(Steps.writeFd(0, "0"));
    expected.add(Steps.writeFd(1, "0"));
    expected.add(Steps.unshare(Kernel.Sched.CLONE_NEWIPC));
    expected.add(Steps.setsid());
    expected.add(Steps.setrlimit(SysResource.RLIMIT_CORE, 0, 0));
    expected.add(Steps.setrlimit(SysResource.RLIMIT_FSIZE, 1 << 20, 1 << 20));
    expected.add(Steps.setrlimit(SysResource.RLIMIT_STACK, 8 << 20, 8 << 20));
    expected.add(Steps.setrlimit(SysResource.RLIMIT_NOFILE, 256, 256));
    expected.add(Steps.setrlimit(SysResource.RLIMIT_CPU, 3, 4));
    expected.add(Steps.dup2(2, 0));
    expected.add(Steps.dup2(3, 1));
    expected.add(Steps.dup2(4, 2));
    expected.add(Steps.closeFrom(3));
    expected.add(Steps.chdir("/box"));
    expected.add(Steps.umask(022));
    for (int cap = 0; cap <= LAST_CAP; cap++) {
      expected.add(Steps.capbsetDrop(cap));
    }
    expected.add(Steps.capAmbientClear());
    expected.add(Steps.setSecurebits(CapabilityLayer.LOCKED_SECUREBITS));
    expected.add(Steps.setgroupsEmpty());
    expected.add(Steps.setresgid(60002));
    expected.add(Steps.setresuid(60002));
    expected.add(Steps.capset(0, 0, 0));
    expected.add(Steps.noNewPrivs());
    expected.add(Steps.pdeathsig(Kernel.Signal.SIGKILL));
    expected.add(Steps.seccomp(BPF, Kernel.Seccomp.SECCOMP_FILTER_FLAG_NEW_LISTENER));
    expected.add(Steps.exec("/box/main", List.of("/box/main", "x"), RunSpec.DEFAULT_ENV));
    assertEquals(expected, plan(limits).child());
  }

  @Test
  void passesTheCgroupFilesAPrivateCopyOfTheInputAndTheCapturePipesOnly() {
    assertEquals(
        List.of(
            new PassedFile.Open(Path.of("/cg/memory/run-1/cgroup.procs"), Fcntl.O_WRONLY, 0),
            new PassedFile.Open(Path.of("/cg/pids/run-1/cgroup.procs"), Fcntl.O_WRONLY, 0),
            new PassedFile.SealedCopy(Path.of("/data/1.in")),
            new PassedFile.Descriptor(11, "stdout", false),
            new PassedFile.Descriptor(12, "stderr", false)),
        plan(RunLimits.defaults()).passedFiles());
  }

  @Test
  void eachRunGetsAFreshIpcNamespaceBeforeItsPrivilegesGo() {
    List<Step> child = plan(RunLimits.defaults()).child();
    int unshare = child.indexOf(Steps.unshare(Kernel.Sched.CLONE_NEWIPC));
    assertTrue(unshare > 0, "unshare(CLONE_NEWIPC) in " + child);
    assertTrue(unshare < child.indexOf(Steps.setresuid(60002)));
    assertTrue(unshare < child.indexOf(Steps.capbsetDrop(0)));
  }

  @Test
  void seccompIsTheLastStepBeforeExecAndTheCgroupTheFirst() {
    List<Step> child = plan(RunLimits.defaults()).child();
    assertEquals(StepCode.WRITE_FD, child.get(0).code());
    assertEquals(StepCode.SECCOMP, child.get(child.size() - 2).code());
    assertEquals(StepCode.EXEC, child.get(child.size() - 1).code());
  }

  @Test
  void theIdentityChangesOnlyAfterTheBoundingSetIsGone() {
    List<StepCode> codes = plan(RunLimits.defaults()).child().stream().map(Step::code).toList();
    assertTrue(codes.lastIndexOf(StepCode.CAPBSET_DROP) < codes.indexOf(StepCode.SETRESUID));
    assertTrue(codes.indexOf(StepCode.SET_SECUREBITS) < codes.indexOf(StepCode.SETRESUID));
    assertTrue(codes.indexOf(StepCode.SETRESGID) < codes.indexOf(StepCode.SETRESUID));
    assertTrue(codes.indexOf(StepCode.SETRESUID) < codes.indexOf(StepCode.CAPSET));
    assertTrue(codes.indexOf(StepCode.SETRESUID) < codes.indexOf(StepCode.PDEATHSIG));
    assertTrue(codes.indexOf(StepCode.SETRLIMIT) < codes.indexOf(StepCode.SETRESUID));
  }

  @Test
  void neverLimitsAddressSpace() {
    assertTrue(
        plan(RunLimits.defaults()).child().stream()
            .filter(s -> s.code() == StepCode.SETRLIMIT)
            .noneMatch(s -> s.intArg(0) == SysResource.RLIMIT_AS));
  }

  @Test
  void stackDefaultsToTheMemoryLimit() {
    RunLimits limits = RunLimits.defaults().withMemoryBytes(128 << 20);
    assertTrue(
        plan(limits)
            .child()
            .contains(Steps.setrlimit(SysResource.RLIMIT_STACK, 128 << 20, 128 << 20)));
  }

  @Test
  void theCgroupGetsTheMemoryLimitWithASmallSlackAndTheTaskLimit() {
    // 1/32 of the limit, at least 1 MiB and at most 16 MiB: enough for the kernel's own
    // charges, so that an OOM kill proves the program went over.
    assertEquals(
        new CgroupLimits((128 << 20) + (4 << 20), 64),
        plan(RunLimits.defaults().withMemoryBytes(128 << 20)).cgroupLimits());
    assertEquals(
        new CgroupLimits((16 << 20) + (1 << 20), 7),
        plan(RunLimits.defaults().withMemoryBytes(16 << 20).withProcesses(7)).cgroupLimits());
    assertEquals(
        new CgroupLimits((4L << 30) + (16 << 20), 64),
        plan(RunLimits.defaults().withMemoryBytes(4L << 30)).cgroupLimits());
  }

  @Test
  void theSandboxPlanUnsharesEveryNamespaceButUser() {
    var plan = LaunchPlanner.sandbox(sandbox, "/r", 1, 1);
    int flags = plan.namespaces();
    for (int ns :
        new int[] {
          Kernel.Sched.CLONE_NEWNS, Kernel.Sched.CLONE_NEWPID, Kernel.Sched.CLONE_NEWNET,
          Kernel.Sched.CLONE_NEWIPC, Kernel.Sched.CLONE_NEWUTS, Kernel.Sched.CLONE_NEWCGROUP
        }) {
      assertEquals(ns, flags & ns);
    }
    assertEquals(0, flags & Kernel.Sched.CLONE_NEWUSER);
    List<Step> tail = plan.setup().subList(plan.setup().size() - 2, plan.setup().size());
    assertEquals(
        List.of(
            Steps.sethostname("judge"),
            Steps.schedSetscheduler(
                Kernel.SchedPolicy.SCHED_FIFO | Kernel.SchedPolicy.SCHED_RESET_ON_FORK, 1, true)),
        tail);
  }
}
