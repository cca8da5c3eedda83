package dev.judgefleet.worker.sandbox.plan;

import java.util.List;

/**
 * What PID 1 does for one run.
 *
 * @param prepare steps in PID 1 before the fork (the work directory's mode for this run)
 * @param child steps in the forked child, ending with the seccomp filter and the exec
 * @param cleanup steps in PID 1 after every process of the run is gone (fresh writable dirs)
 * @param passedFiles descriptors sent along, referred to by index from the steps
 * @param cgroupLimits what the worker writes into the run's cgroup before sending the plan
 */
public record RunPlan(
    List<Step> prepare,
    List<Step> child,
    List<Step> cleanup,
    List<PassedFile> passedFiles,
    CgroupLimits cgroupLimits) {
  public RunPlan {
    java.util.Objects.requireNonNull(cgroupLimits, "cgroupLimits");
    prepare = List.copyOf(prepare);
    child = List.copyOf(child);
    cleanup = List.copyOf(cleanup);
    passedFiles = List.copyOf(passedFiles);
    if (child.isEmpty() || child.get(child.size() - 1).code() != StepCode.EXEC) {
      throw new IllegalArgumentException("a run's child steps must end with execve");
    }
  }

  /** The steps of a phase, to turn a failure's index back into the step. */
  public List<Step> steps(StepPhase phase) {
    return switch (phase) {
      case PREPARE -> prepare;
      case CHILD -> child;
      case CLEANUP -> cleanup;
      default -> List.of();
    };
  }
}
