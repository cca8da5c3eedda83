package dev.judgefleet.worker.cli.load;

import dev.judgefleet.model.Verdict;
import java.util.Objects;

/**
 * One submission's verdict as the load generator saw it. Times are nanoseconds from the run's start
 * on this machine's monotonic clock.
 *
 * @param submissionId the id it was sent with
 * @param item the workload item it was drawn from
 * @param expected the verdict it must have
 * @param actual the verdict it got
 * @param node the node that judged it ({@code judgedBy.node}), or "?" when the verdict does not say
 * @param sentNanos when it was handed to the producer
 * @param receivedNanos when its verdict arrived
 * @param judgeMs the worker's own judging time
 */
public record Outcome(
    String submissionId,
    String item,
    Verdict expected,
    Verdict actual,
    String node,
    long sentNanos,
    long receivedNanos,
    long judgeMs) {

  public Outcome {
    Objects.requireNonNull(submissionId, "submissionId");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(node, "node");
    if (receivedNanos < sentNanos) {
      throw new IllegalArgumentException(
          submissionId
              + ": received at "
              + receivedNanos
              + " ns, before it was sent at "
              + sentNanos);
    }
  }

  /** Queue-to-verdict latency: from sending to the verdict's arrival. */
  public long latencyMs() {
    return (receivedNanos - sentNanos) / 1_000_000;
  }

  public boolean asExpected() {
    return expected == actual;
  }
}
