package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.plan.StepPhase;

/**
 * A step of the sandbox's own work that failed: the run is {@code IE}, never the program's fault.
 *
 * @param phase where the step ran
 * @param stepIndex the step's index in its phase's list, or -1 when it was not a plan step
 * @param call the call with its arguments, as {@code mount("proc", "/proc", ...)}
 * @param errno the error number, 0 when there is none
 * @param errnoName the symbolic errno ({@code EPERM}), or a short reason
 */
public record SetupError(StepPhase phase, int stepIndex, String call, int errno, String errnoName) {

  /** "step 7 mount("proc", "/proc", …): EPERM", the form an operator can act on. */
  public String message() {
    String where = stepIndex >= 0 ? "step " + stepIndex + " " : "";
    String phaseName = phase.name().toLowerCase(java.util.Locale.ROOT);
    return phaseName + " " + where + call + ": " + errnoName;
  }

  @Override
  public String toString() {
    return message();
  }
}
