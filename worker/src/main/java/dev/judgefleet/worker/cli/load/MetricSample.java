package dev.judgefleet.worker.cli.load;

import java.util.Objects;

/**
 * One reading of a worker's {@code /q/metrics}.
 *
 * @param target which worker (its metrics address, host:port)
 * @param atSeconds seconds since the run's start
 * @param busySlots {@code judge_slots_busy}
 * @param slots {@code judge_slots}
 * @param lag the worker's consumer lag on the submissions topic: records behind, summed over its
 *     partitions (or their maximum, when the worker reports only that), -1 when not reported
 */
public record MetricSample(
    String target, double atSeconds, double busySlots, double slots, double lag) {
  public MetricSample {
    Objects.requireNonNull(target, "target");
  }
}
