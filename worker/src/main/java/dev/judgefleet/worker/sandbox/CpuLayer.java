package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.plan.Step;
import dev.judgefleet.worker.sandbox.plan.Steps;
import java.util.List;
import java.util.OptionalInt;

/**
 * The CPU layer: a pinned sandbox's PID 1 binds itself to its slot's CPU during setup, and every
 * process of every run inherits the binding (sched_setaffinity(2): a child inherits its parent's
 * mask). A program cannot move itself elsewhere: seccomp refuses sched_setaffinity with EPERM.
 */
public final class CpuLayer {
  private CpuLayer() {}

  public static List<Step> setup(OptionalInt cpu) {
    return cpu.isPresent() ? List.of(Steps.schedSetaffinity(cpu.getAsInt())) : List.of();
  }
}
