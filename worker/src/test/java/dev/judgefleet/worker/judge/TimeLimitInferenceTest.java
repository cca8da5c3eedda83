package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.worker.problem.ProblemLimits;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeLimitInferenceTest {
  private static ProblemLimits limits(double acToTimeLimit, Duration resolution) {
    return new ProblemLimits(
        Optional.empty(),
        "",
        acToTimeLimit,
        1.5,
        resolution,
        1,
        1,
        1,
        Duration.ofSeconds(1),
        1,
        Duration.ofSeconds(1),
        1,
        1,
        2);
  }

  @Test
  void theSmallestMultipleOfTheResolutionAboveTheSlowestAcceptedRunTimesTheFactor() {
    ProblemLimits l = limits(2.0, Duration.ofSeconds(1));
    assertEquals(Duration.ofSeconds(1), TimeLimitInference.limitFor(86_000_000, l));
    assertEquals(Duration.ofSeconds(2), TimeLimitInference.limitFor(600_000_000, l));
    assertEquals(Duration.ofSeconds(1), TimeLimitInference.limitFor(500_000_000, l));
    assertEquals(Duration.ofSeconds(1), TimeLimitInference.limitFor(0, l));
  }

  @Test
  void legacyMultipliersAndFinerResolutions() {
    assertEquals(
        Duration.ofSeconds(3),
        TimeLimitInference.limitFor(500_000_000, limits(5.0, Duration.ofSeconds(1))));
    assertEquals(
        Duration.ofMillis(300),
        TimeLimitInference.limitFor(120_000_000, limits(2.0, Duration.ofMillis(100))));
  }
}
