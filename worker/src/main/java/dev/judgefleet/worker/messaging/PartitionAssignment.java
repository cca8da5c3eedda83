package dev.judgefleet.worker.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions of judge.submissions this worker holds, from the consumer's rebalance callbacks.
 * Readiness waits for the first assignment: until the consumer has joined its group, a submission
 * sent to a "ready" worker would wait for the join. An empty assignment counts (a fleet may have
 * more workers than partitions, and an idle worker is still a healthy one).
 *
 * <p>Every change of a partition (assigned, revoked, lost) gives it a new epoch. A judging takes a
 * {@link Lease} on its record's partition; if the partition changed hands since, the lease is no
 * longer {@link #holds held}, and its verdict must not be published: the partition's new owner
 * judges the submission again, and a late verdict from here would override the newer one.
 */
@ApplicationScoped
@Identifier(PartitionAssignment.NAME)
public class PartitionAssignment implements KafkaConsumerRebalanceListener {
  /** The name the submissions channel's {@code consumer-rebalance-listener.name} refers to. */
  public static final String NAME = "judge-submissions-assignment";

  private final Set<TopicPartition> held = ConcurrentHashMap.newKeySet();
  private final Map<TopicPartition, Long> epochs = new ConcurrentHashMap<>();
  private final AtomicLong changes = new AtomicLong();
  private volatile boolean joined;

  /**
   * A judging's claim on the partition its record came from, as of when it started.
   *
   * @param epoch the partition's epoch then (0: it had never been assigned here)
   */
  public record Lease(TopicPartition partition, long epoch) {}

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    assigned(partitions);
  }

  @Override
  public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    released(partitions);
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    // Lost: the group moved them on without this worker (its session expired, e.g. while the
    // process was stopped); their records may already be judged elsewhere.
    released(partitions);
  }

  /** The partitions are now held (eager assignors pass all, cooperative ones what was added). */
  void assigned(Collection<TopicPartition> partitions) {
    for (TopicPartition p : partitions) {
      epochs.put(p, changes.incrementAndGet());
      held.add(p);
    }
    joined = true;
  }

  /** The partitions are no longer held: any lease on them is void. */
  void released(Collection<TopicPartition> partitions) {
    for (TopicPartition p : partitions) {
      held.remove(p);
      epochs.put(p, changes.incrementAndGet());
    }
  }

  /** A lease on the partition as it is now; void from the start if it is not held. */
  public Lease lease(String topic, int partition) {
    TopicPartition p = new TopicPartition(topic, partition);
    return new Lease(p, epochs.getOrDefault(p, 0L));
  }

  /** Whether the partition is still held, without having changed hands since the lease. */
  public boolean holds(Lease lease) {
    return held.contains(lease.partition())
        && epochs.getOrDefault(lease.partition(), 0L) == lease.epoch();
  }

  /** Whether the consumer has had its first assignment from the group. */
  public boolean joined() {
    return joined;
  }

  /** The held partitions as {@code topic-N}, sorted; for the health check's data. */
  public String describe() {
    return held.stream()
        .map(p -> p.topic() + "-" + p.partition())
        .sorted()
        .collect(Collectors.joining(","));
  }
}
