package dev.judgefleet.worker.sandbox;

import static dev.judgefleet.worker.sandbox.plan.Kernel.SysResource.RLIMIT_CORE;
import static dev.judgefleet.worker.sandbox.plan.Kernel.SysResource.RLIMIT_CPU;
import static dev.judgefleet.worker.sandbox.plan.Kernel.SysResource.RLIMIT_FSIZE;
import static dev.judgefleet.worker.sandbox.plan.Kernel.SysResource.RLIMIT_NOFILE;
import static dev.judgefleet.worker.sandbox.plan.Kernel.SysResource.RLIMIT_STACK;

import dev.judgefleet.worker.sandbox.plan.RunPlanBuilder;
import dev.judgefleet.worker.sandbox.plan.Steps;

/**
 * The rlimit layer, per process (setrlimit(2)): no core dumps; RLIMIT_FSIZE is the output limit (a
 * write past it raises SIGXFSZ, hence OLE); the stack, by default as big as the memory limit
 * (recursive solutions are common and the cgroup caps memory anyway); descriptors; and RLIMIT_CPU
 * as a backstop a second above the limit, should the supervisor ever miss.
 *
 * <p>Never RLIMIT_AS: the JVM, Node and Go reserve far more address space than they touch, and
 * would not start. Memory is the cgroup's job.
 */
public final class RlimitLayer {
  private RlimitLayer() {}

  public static void apply(RunPlanBuilder plan, RunLimits limits) {
    long cpuSeconds = (limits.cpuTime().toMillis() + 999) / 1000 + 1;
    plan.child(Steps.setrlimit(RLIMIT_CORE, 0, 0));
    plan.child(Steps.setrlimit(RLIMIT_FSIZE, limits.outputBytes(), limits.outputBytes()));
    plan.child(
        Steps.setrlimit(RLIMIT_STACK, limits.effectiveStackBytes(), limits.effectiveStackBytes()));
    plan.child(Steps.setrlimit(RLIMIT_NOFILE, limits.openFiles(), limits.openFiles()));
    plan.child(Steps.setrlimit(RLIMIT_CPU, cpuSeconds, cpuSeconds + 1));
  }
}
