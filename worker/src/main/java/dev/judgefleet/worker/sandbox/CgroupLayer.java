package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.plan.CgroupLimits;
import dev.judgefleet.worker.sandbox.plan.Kernel.Fcntl;
import dev.judgefleet.worker.sandbox.plan.PassedFile;
import dev.judgefleet.worker.sandbox.plan.RunPlanBuilder;
import dev.judgefleet.worker.sandbox.plan.Steps;
import java.nio.file.Path;

/**
 * The cgroup layer: every run in a fresh cgroup of its own, limited on the host before the run,
 * joined by the run's child as its very first step, so everything the program allocates or spends
 * is counted and capped.
 *
 * <p>The child cannot see the host's cgroupfs (it is past pivot_root), so the worker opens each
 * {@code cgroup.procs} and passes the descriptor; writing "0" moves the writer (cgroups(7)). The
 * kernel checks the opener's credentials, which are the worker's.
 */
public final class CgroupLayer {
  private CgroupLayer() {}

  /**
   * Host side: the memory limit with the slack that makes an OOM kill proof of going over (see
   * {@link RunLimits#cgroupMemoryBytes()}), and the task limit. The worker writes them before the
   * run ({@link #apply}).
   */
  public static void limit(RunPlanBuilder plan, RunLimits limits) {
    plan.cgroupLimits(new CgroupLimits(limits.cgroupMemoryBytes(), limits.processes()));
  }

  /** Writes a plan's limits into the run's cgroup. */
  static void apply(RunCgroup cgroup, CgroupLimits limits) {
    cgroup.limit(limits.memoryBytes(), limits.tasks());
  }

  /** Child side: join the run's cgroup in every hierarchy. */
  public static void join(RunPlanBuilder plan, RunCgroup cgroup) {
    for (Path procs : cgroup.procsFiles()) {
      int index = plan.pass(new PassedFile.Open(procs, Fcntl.O_WRONLY, 0));
      plan.child(Steps.writeFd(index, "0"));
    }
  }
}
