package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.plan.Kernel.Seccomp;
import dev.judgefleet.worker.sandbox.plan.RunPlanBuilder;
import dev.judgefleet.worker.sandbox.plan.Steps;

/**
 * The seccomp layer: the last step before exec, so nothing the init does is filtered and nothing
 * the program does is not. The filter (compiled once per profile by libseccomp) comes with a
 * notification listener: the call that would have been a violation is held in the kernel, PID 1
 * reads which call it was, and kills the run.
 */
public final class SeccompLayer {
  private SeccompLayer() {}

  public static void load(RunPlanBuilder plan, byte[] bpf) {
    plan.child(Steps.seccomp(bpf, Seccomp.SECCOMP_FILTER_FLAG_NEW_LISTENER));
  }
}
