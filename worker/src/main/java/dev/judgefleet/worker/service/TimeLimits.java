package dev.judgefleet.worker.service;

import dev.judgefleet.worker.judge.DerivedTimeLimits;
import dev.judgefleet.worker.problem.ProblemPackage;
import java.time.Duration;
import java.util.Optional;

/**
 * The time limit a submission's runs get, decided in one place for the worker and {@code judge
 * judge}: an explicit one (the submission's, or {@code --time-limit}) first, then the package's
 * own, then the one derived from its accepted reference submissions, remembered per content version
 * so that it is derived once per node.
 */
public final class TimeLimits {
  /** Derives a package's time limit by running its reference submissions on a slot. */
  @FunctionalInterface
  public interface Derivation {
    Duration derive(ProblemPackage problem, int slot);
  }

  private final DerivedTimeLimits derived;
  private final Derivation derivation;

  /**
   * @param derived where derived limits are remembered
   * @param derivation how one is derived ({@code TimeLimitInference} in the judging stack)
   */
  public TimeLimits(DerivedTimeLimits derived, Derivation derivation) {
    this.derived = derived;
    this.derivation = derivation;
  }

  /**
   * The limit for {@code problem}.
   *
   * @param explicit a limit that overrides the package's, if any
   * @param slot the slot to derive on, when it comes to that
   * @param deriving told before a derivation starts (it takes a while: every accepted reference
   *     submission runs)
   */
  public Duration of(
      ProblemPackage problem, Optional<Duration> explicit, int slot, Runnable deriving) {
    if (explicit.isPresent()) {
      return explicit.get();
    }
    if (problem.limits().timeLimit().isPresent()) {
      return problem.limits().timeLimit().get();
    }
    return derived.getOrDerive(
        problem,
        () -> {
          deriving.run();
          return derivation.derive(problem, slot);
        });
  }
}
