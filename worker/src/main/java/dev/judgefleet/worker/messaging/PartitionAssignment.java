package dev.judgefleet.worker.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions of judge.submissions this worker holds, from the consumer's rebalance callbacks.
 * Readiness waits for the first assignment: until the consumer has joined its group, a submission
 * sent to a "ready" worker would wait for the join. An empty assignment counts (a fleet may have
 * more workers than partitions, and an idle worker is still a healthy one).
 */
@ApplicationScoped
@Identifier(PartitionAssignment.NAME)
public class PartitionAssignment implements KafkaConsumerRebalanceListener {
  /** The name the submissions channel's {@code consumer-rebalance-listener.name} refers to. */
  public static final String NAME = "judge-submissions-assignment";

  private final Set<TopicPartition> held = ConcurrentHashMap.newKeySet();
  private volatile boolean joined;

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    // Eager assignors pass the whole new assignment, cooperative ones what was added: add both.
    held.addAll(partitions);
    joined = true;
  }

  @Override
  public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    held.removeAll(partitions);
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    held.removeAll(partitions);
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
