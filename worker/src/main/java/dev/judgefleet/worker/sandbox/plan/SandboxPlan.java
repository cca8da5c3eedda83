package dev.judgefleet.worker.sandbox.plan;

import java.util.List;

/**
 * What PID 1 does once, before any run: build the root filesystem and pivot into it.
 *
 * @param namespaces the {@code CLONE_NEW*} flags the worker unshares before spawning the init
 * @param setup the steps PID 1 runs, in order
 */
public record SandboxPlan(int namespaces, List<Step> setup) {
  public SandboxPlan {
    setup = List.copyOf(setup);
  }
}
