package dev.judgefleet.worker.cli.load;

import java.util.random.RandomGenerator;

/**
 * Open-loop arrivals: a Poisson process at a fixed rate, as independent contestants submit. The
 * gaps are exponential with mean 1/rate, so bursts happen as they would in a contest; the sender
 * never waits for verdicts (a closed loop would hide queueing by slowing down with the judge).
 */
public final class PoissonArrivals {
  private final double ratePerSecond;
  private final RandomGenerator random;
  private double nextSeconds;

  /**
   * Arrivals at {@code ratePerSecond} on average, drawn from {@code random} (seed it to repeat).
   */
  public PoissonArrivals(double ratePerSecond, RandomGenerator random) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be a positive number, not " + ratePerSecond);
    }
    this.ratePerSecond = ratePerSecond;
    this.random = random;
  }

  /** The next arrival, in nanoseconds from the start; each call moves on by one exponential gap. */
  public long nextNanos() {
    // Inverse transform: -ln(U)/rate with U in (0, 1]; 1 - nextDouble() never is 0.
    nextSeconds += -Math.log(1 - random.nextDouble()) / ratePerSecond;
    return (long) (nextSeconds * 1e9);
  }
}
