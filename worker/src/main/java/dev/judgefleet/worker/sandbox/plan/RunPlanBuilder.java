package dev.judgefleet.worker.sandbox.plan;

import java.util.ArrayList;
import java.util.List;

/** Collects a run's steps per phase and the descriptors they refer to. */
public final class RunPlanBuilder {
  private final List<Step> prepare = new ArrayList<>();
  private final List<Step> child = new ArrayList<>();
  private final List<Step> cleanup = new ArrayList<>();
  private final List<PassedFile> passed = new ArrayList<>();
  private CgroupLimits cgroupLimits;

  /** The limits the worker writes into the run's cgroup on the host, before the run. */
  public RunPlanBuilder cgroupLimits(CgroupLimits limits) {
    this.cgroupLimits = limits;
    return this;
  }

  /** Adds a descriptor to pass; returns the index steps use to name it. */
  public int pass(PassedFile file) {
    passed.add(file);
    return passed.size() - 1;
  }

  public RunPlanBuilder prepare(List<Step> steps) {
    prepare.addAll(steps);
    return this;
  }

  public RunPlanBuilder child(Step step) {
    child.add(step);
    return this;
  }

  public RunPlanBuilder cleanup(List<Step> steps) {
    cleanup.addAll(steps);
    return this;
  }

  public RunPlan build() {
    return new RunPlan(prepare, child, cleanup, passed, cgroupLimits);
  }
}
