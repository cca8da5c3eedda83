package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.linux.PlainSpawn;

/**
 * The baseline {@code judge bench} sets the sandbox's figures beside: a plain posix_spawn(3) and
 * wait of the same program from the same process, no namespaces, cgroups or init.
 */
public final class SpawnBaseline {
  private SpawnBaseline() {}

  /** One spawn's cost: wall time around spawn and wait, and the child's own CPU time. */
  public record Cost(long wallNanos, long childCpuNanos) {}

  /** Spawns {@code path} with no arguments and no environment, and waits for it. */
  public static Cost spawnAndWait(String path) {
    PlainSpawn.Cost cost = PlainSpawn.spawnAndWait(path);
    return new Cost(cost.wallNanos(), cost.childCpuNanos());
  }
}
