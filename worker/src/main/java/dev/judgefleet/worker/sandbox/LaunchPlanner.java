package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.plan.Kernel.Signal;
import dev.judgefleet.worker.sandbox.plan.RunPlan;
import dev.judgefleet.worker.sandbox.plan.RunPlanBuilder;
import dev.judgefleet.worker.sandbox.plan.SandboxPlan;
import dev.judgefleet.worker.sandbox.plan.Step;
import dev.judgefleet.worker.sandbox.plan.Steps;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Turns specifications into plans, calling the layers in the order the kernel needs. Reading {@link
 * #run} top to bottom is reading what happens between fork and exec.
 */
public final class LaunchPlanner {
  private LaunchPlanner() {}

  /** What a run's child needs beyond the run's own spec. */
  public record RunContext(
      SandboxSpec sandbox,
      int uid,
      int gid,
      int lastCap,
      RunCgroup cgroup,
      byte[] seccompBpf,
      Redirect stdin,
      Redirect.Pipe stdout,
      Redirect.Pipe stderr) {}

  /** The sandbox: unshare these namespaces, then build the root and pivot into it. */
  public static SandboxPlan sandbox(SandboxSpec spec, String newRoot, int uid, int gid) {
    return sandbox(spec, newRoot, uid, gid, OptionalInt.empty());
  }

  /** The same, on {@code cpu} when the slot is pinned. */
  public static SandboxPlan sandbox(
      SandboxSpec spec, String newRoot, int uid, int gid, OptionalInt cpu) {
    List<Step> setup = new ArrayList<>(MountLayer.setup(spec, newRoot, uid, gid));
    setup.addAll(NamespaceLayer.setup(spec));
    setup.addAll(CpuLayer.setup(cpu));
    return new SandboxPlan(NamespaceLayer.FLAGS, setup);
  }

  /** One run: PID 1 prepares, the child goes through every layer, PID 1 cleans up. */
  public static RunPlan run(RunSpec run, RunContext context) {
    RunPlanBuilder plan = new RunPlanBuilder();
    // On the host, before anything runs: the run's cgroup gets its limits.
    CgroupLayer.limit(plan, run.limits());
    plan.prepare(MountLayer.prepare(run.workWritable()));

    // Counted from the first instruction: join the run's cgroup before anything else.
    CgroupLayer.join(plan, context.cgroup());
    // A clean slate of IPC objects for every run, while the child may still create namespaces.
    NamespaceLayer.perRun(plan);
    StdioLayer.session(plan);
    // While still root: hard limits may go up as well as down.
    RlimitLayer.apply(plan, run.limits());
    StdioLayer.redirect(plan, context.stdin(), context.stdout(), context.stderr());
    plan.child(Steps.chdir(run.cwd()));
    plan.child(Steps.umask(022));
    // Needs CAP_SETPCAP, so before the identity change.
    CapabilityLayer.dropBeforeIdentityChange(plan, context.lastCap());
    CredentialLayer.become(plan, context.uid(), context.gid());
    CapabilityLayer.clearAfterIdentityChange(plan);
    // After the identity change, which would clear it (prctl(2), PR_SET_PDEATHSIG).
    plan.child(Steps.pdeathsig(Signal.SIGKILL));
    SeccompLayer.load(plan, context.seccompBpf());
    plan.child(Steps.exec(run.argv().get(0), run.argv(), run.env()));

    plan.cleanup(MountLayer.cleanup(context.sandbox()));
    return plan.build();
  }
}
