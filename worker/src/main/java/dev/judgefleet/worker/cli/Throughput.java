package dev.judgefleet.worker.cli;

import java.util.Locale;

/**
 * How busy {@code judge verify} kept the machine: the programs' CPU time (compilers, submissions,
 * validators, all sandboxed runs) against the wall time times the cores. The target is 80 %, that
 * is wall time at most CPU time / (0.8 × cores); the sandbox's own set-up and the JVM are the
 * overhead that keeps it under 100 %.
 *
 * @param wallNanos the command's wall time
 * @param cpuNanos the CPU time of every sandboxed run
 * @param cores the CPUs the JVM sees
 */
record Throughput(long wallNanos, long cpuNanos, int cores) {
  static final double TARGET = 0.8;

  Throughput {
    if (wallNanos < 0 || cpuNanos < 0 || cores < 1) {
      throw new IllegalArgumentException(
          "wall " + wallNanos + " ns, cpu " + cpuNanos + " ns, " + cores + " cores");
    }
  }

  static Throughput of(long wallNanos, long cpuNanos, int cores) {
    return new Throughput(wallNanos, cpuNanos, cores);
  }

  /** The share of the cores' time the programs used. */
  double busy() {
    return wallNanos == 0 ? 0 : (double) cpuNanos / ((double) wallNanos * cores);
  }

  boolean meetsTarget() {
    return busy() >= TARGET;
  }

  /** {@code 41.2 s wall, programs' CPU 70.3 s on 2 cores: 85% busy (target 80%: met)}. */
  String summary() {
    return String.format(
        Locale.ROOT,
        "%.1f s wall, programs' CPU %.1f s on %d cores: %.0f%% busy (target %.0f%%, wall <= CPU /"
            + " (%.1f x cores): %s)",
        wallNanos / 1e9,
        cpuNanos / 1e9,
        cores,
        busy() * 100,
        TARGET * 100,
        TARGET,
        meetsTarget() ? "met" : "missed");
  }
}
