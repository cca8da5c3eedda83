package dev.judgefleet.worker.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.worker.judge.DerivedTimeLimits;
import dev.judgefleet.worker.problem.ProblemPackage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one time-limit rule: explicit, else the package's, else derived once and remembered. */
class TimeLimitsTest {
  @TempDir Path tmp;

  private final AtomicInteger derivations = new AtomicInteger();
  private final AtomicInteger announced = new AtomicInteger();

  private TimeLimits limits(Path state) {
    return new TimeLimits(
        new DerivedTimeLimits(state),
        (problem, slot) -> {
          derivations.incrementAndGet();
          return Duration.ofMillis(3000 + slot);
        });
  }

  @Test
  void anExplicitLimitOutranksThePackagesAndNothingIsDerived() throws Exception {
    ProblemPackage withLimit = Packages.withTimeLimit(tmp, "p", "1.5");
    Duration d =
        limits(tmp.resolve("state"))
            .of(withLimit, Optional.of(Duration.ofMillis(700)), 0, announced::incrementAndGet);
    assertEquals(Duration.ofMillis(700), d);
    assertEquals(0, derivations.get());
    assertEquals(0, announced.get());
  }

  @Test
  void thePackagesOwnLimitComesNext() throws Exception {
    ProblemPackage withLimit = Packages.withTimeLimit(tmp, "p", "1.5");
    Duration d =
        limits(tmp.resolve("state")).of(withLimit, Optional.empty(), 0, announced::incrementAndGet);
    assertEquals(Duration.ofMillis(1500), d);
    assertEquals(0, derivations.get());
  }

  @Test
  void aMissingLimitIsDerivedOnceAndRememberedAcrossInstances() throws Exception {
    ProblemPackage without = Packages.withoutTimeLimit(tmp, "q");
    Path state = tmp.resolve("state");
    assertEquals(
        Duration.ofMillis(3002),
        limits(state).of(without, Optional.empty(), 2, announced::incrementAndGet));
    // Another worker start on the same node: remembered under the state directory.
    assertEquals(
        Duration.ofMillis(3002),
        limits(state).of(without, Optional.empty(), 5, announced::incrementAndGet));
    assertEquals(1, derivations.get());
    assertEquals(1, announced.get());
  }
}
