package dev.judgefleet.worker.sandbox;

import static dev.judgefleet.worker.sandbox.plan.Kernel.Sched.CLONE_NEWCGROUP;
import static dev.judgefleet.worker.sandbox.plan.Kernel.Sched.CLONE_NEWIPC;
import static dev.judgefleet.worker.sandbox.plan.Kernel.Sched.CLONE_NEWNET;
import static dev.judgefleet.worker.sandbox.plan.Kernel.Sched.CLONE_NEWNS;
import static dev.judgefleet.worker.sandbox.plan.Kernel.Sched.CLONE_NEWPID;
import static dev.judgefleet.worker.sandbox.plan.Kernel.Sched.CLONE_NEWUTS;

import dev.judgefleet.worker.sandbox.plan.Kernel.SchedPolicy;
import dev.judgefleet.worker.sandbox.plan.RunPlanBuilder;
import dev.judgefleet.worker.sandbox.plan.Step;
import dev.judgefleet.worker.sandbox.plan.Steps;
import java.util.List;

/**
 * The namespace layer: which namespaces a sandbox gets, unshared by the worker on the thread that
 * spawns the init. No user namespace: the worker is root on the node, and the programs run as an
 * unprivileged uid with no capabilities at all, which a user namespace would only complicate.
 *
 * <ul>
 *   <li>mount: the sandbox's own root filesystem;
 *   <li>pid: the init is PID 1; programs see only their run; kill(-1) from PID 1 ends a run;
 *   <li>net: no interfaces but a down loopback, so no network at all;
 *   <li>ipc: their own System V IPC objects and POSIX message queues, and each run a fresh one
 *       again ({@link #perRun}), so nothing one test leaves there reaches the next;
 *   <li>uts: their own host name;
 *   <li>cgroup: /proc/self/cgroup does not show the node's hierarchy.
 * </ul>
 */
public final class NamespaceLayer {
  public static final int FLAGS =
      CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP;

  private NamespaceLayer() {}

  /**
   * Setup steps inside the new namespaces: the host name, and a real-time priority for PID 1
   * itself. The init sleeps almost always; when a run's process exits it must wake at once, so the
   * exit time it records is the exit's, not a busy CPU's. The two sides of an interactive run are
   * ordered by those times. SCHED_RESET_ON_FORK: the programs it forks are ordinary tasks.
   */
  public static List<Step> setup(SandboxSpec spec) {
    return List.of(
        Steps.sethostname(spec.hostname()),
        Steps.schedSetscheduler(
            SchedPolicy.SCHED_FIFO | SchedPolicy.SCHED_RESET_ON_FORK, INIT_PRIORITY, true));
  }

  /**
   * The run's child enters an IPC namespace of its own before anything runs. The tests of one
   * submission share a sandbox, so without it a shared memory segment or a message queue of one
   * test would survive into the next: memory pinned there is charged to a cgroup already gone and
   * counted against no limit, and a queue could carry one test's input into another. The namespace,
   * and every object in it, is destroyed when the run's last process is reaped (ipc_namespaces(7)).
   * Needs CAP_SYS_ADMIN, so before the privileges go.
   */
  public static void perRun(RunPlanBuilder plan) {
    plan.child(Steps.unshare(CLONE_NEWIPC));
  }

  /** The lowest real-time priority: above every ordinary task, below the kernel's own. */
  static final int INIT_PRIORITY = 1;
}
