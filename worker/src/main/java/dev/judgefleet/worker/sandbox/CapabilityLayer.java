package dev.judgefleet.worker.sandbox;

import static dev.judgefleet.worker.sandbox.plan.Kernel.Securebits.SECBIT_KEEP_CAPS_LOCKED;
import static dev.judgefleet.worker.sandbox.plan.Kernel.Securebits.SECBIT_NOROOT;
import static dev.judgefleet.worker.sandbox.plan.Kernel.Securebits.SECBIT_NOROOT_LOCKED;
import static dev.judgefleet.worker.sandbox.plan.Kernel.Securebits.SECBIT_NO_CAP_AMBIENT_RAISE;
import static dev.judgefleet.worker.sandbox.plan.Kernel.Securebits.SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED;
import static dev.judgefleet.worker.sandbox.plan.Kernel.Securebits.SECBIT_NO_SETUID_FIXUP_LOCKED;

import dev.judgefleet.worker.sandbox.plan.RunPlanBuilder;
import dev.judgefleet.worker.sandbox.plan.Steps;

/**
 * The capability layer: opt-in, and nothing is opted in. Every set ends empty (capabilities(7)).
 *
 * <p>Before the identity change, while PID 2 still holds CAP_SETPCAP: drop every capability from
 * the bounding set, clear the ambient set, and lock the securebits so that no exec can bring root's
 * capabilities back (NOROOT), no setuid fixup can be turned off, KEEP_CAPS stays off and the
 * ambient set cannot be raised. After it: clear the remaining sets with capset(2) and set
 * no_new_privs, which the seccomp filter also needs.
 */
public final class CapabilityLayer {
  public static final long LOCKED_SECUREBITS =
      SECBIT_NOROOT
          | SECBIT_NOROOT_LOCKED
          | SECBIT_NO_SETUID_FIXUP_LOCKED
          | SECBIT_KEEP_CAPS_LOCKED
          | SECBIT_NO_CAP_AMBIENT_RAISE
          | SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED;

  private CapabilityLayer() {}

  /**
   * @param lastCap the highest capability number this kernel knows (cap_last_cap)
   */
  public static void dropBeforeIdentityChange(RunPlanBuilder plan, int lastCap) {
    for (int cap = 0; cap <= lastCap; cap++) {
      plan.child(Steps.capbsetDrop(cap));
    }
    plan.child(Steps.capAmbientClear());
    plan.child(Steps.setSecurebits(LOCKED_SECUREBITS));
  }

  public static void clearAfterIdentityChange(RunPlanBuilder plan) {
    plan.child(Steps.capset(0, 0, 0));
    plan.child(Steps.noNewPrivs());
  }
}
