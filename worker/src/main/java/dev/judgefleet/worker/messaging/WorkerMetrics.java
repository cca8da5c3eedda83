package dev.judgefleet.worker.messaging;

import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.worker.judge.CompileCache;
import dev.judgefleet.worker.judge.JudgeResult;
import dev.judgefleet.worker.judge.TestOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The worker's Prometheus metrics ({@code /q/metrics}): verdicts by code and language, judging and
 * queue latency, busy slots, dead letters, and the sandbox's own cost per run.
 */
final class WorkerMetrics {
  private final MeterRegistry registry;
  private final Timer queueLatency;
  private final DistributionSummary sandboxSetup;
  private final Counter deadLetters;
  private final Counter staleDropped;

  WorkerMetrics(MeterRegistry registry, Supplier<Number> busySlots, int slots) {
    this.registry = registry;
    this.queueLatency =
        Timer.builder("judge.queue.latency")
            .description("From submittedAt to the start of judging")
            .publishPercentileHistogram()
            .register(registry);
    this.sandboxSetup =
        DistributionSummary.builder("judge.sandbox.setup.milliseconds")
            .description("The sandbox's own time per run, before the program's exec")
            .baseUnit("milliseconds")
            .publishPercentileHistogram()
            .register(registry);
    this.deadLetters =
        Counter.builder("judge.dead.letters")
            .description("Submissions sent to the dead-letter topic")
            .register(registry);
    this.staleDropped =
        Counter.builder("judge.stale.dropped")
            .description(
                "Results not published: their partition changed hands, or the worker stood still,"
                    + " while they were judged")
            .register(registry);
    // Strong references: registry.gauge(name, object, ...) holds its object weakly, and a
    // collected object reads NaN. The supplier lives as long as the gauge.
    Gauge.builder("judge.slots.busy", busySlots)
        .description("Judging slots in use")
        .strongReference(true)
        .register(registry);
    Gauge.builder("judge.slots", () -> slots)
        .description("Judging slots on this node")
        .strongReference(true)
        .register(registry);
  }

  /** The compile cache's hits, misses and size. */
  void compileCache(CompileCache cache) {
    FunctionCounter.builder("judge.compile.cache.hits", cache, CompileCache::hits)
        .description("Programs taken from the compile cache instead of compiled")
        .register(registry);
    FunctionCounter.builder("judge.compile.cache.misses", cache, CompileCache::misses)
        .description("Compiles the cache could not spare (absent or failed verification)")
        .register(registry);
    Gauge.builder("judge.compile.cache", cache, CompileCache::bytes)
        .description("Bytes of compiled programs kept on this node")
        .baseUnit("bytes")
        .strongReference(true)
        .register(registry);
  }

  void queued(long millis) {
    if (millis >= 0) {
      queueLatency.record(Duration.ofMillis(millis));
    }
  }

  void judged(VerdictEvent event, JudgeResult result) {
    Counter.builder("judge.verdicts")
        .description("Verdicts published, by code and language")
        .tag("verdict", event.verdict().name())
        .tag("language", event.language() == null ? "" : event.language())
        .register(registry)
        .increment();
    Timer.builder("judge.judging.latency")
        .description("From the start of judging to the verdict")
        .tag("language", event.language() == null ? "" : event.language())
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.ofMillis(event.judgeMs()));
    if (result != null) {
      for (TestOutcome test : result.tests()) {
        if (test.run() != null) {
          sandboxSetup.record(test.run().setupTime().toNanos() / 1e6);
        }
      }
    }
  }

  void deadLettered() {
    deadLetters.increment();
  }

  void staleDropped() {
    staleDropped.increment();
  }
}
