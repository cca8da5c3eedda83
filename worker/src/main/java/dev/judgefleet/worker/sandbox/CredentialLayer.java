package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.plan.RunPlanBuilder;
import dev.judgefleet.worker.sandbox.plan.Steps;

/**
 * The credential layer: an unprivileged uid and gid of the slot's own (first + slot, so two
 * sandboxes never share an identity), and no supplementary groups. Groups first, then the gid, then
 * the uid: after setresuid(2) the process could no longer change the others.
 */
public final class CredentialLayer {
  private CredentialLayer() {}

  public static void become(RunPlanBuilder plan, int uid, int gid) {
    plan.child(Steps.setgroupsEmpty());
    plan.child(Steps.setresgid(gid));
    plan.child(Steps.setresuid(uid));
  }
}
