package dev.judgefleet.worker.messaging;

import dev.judgefleet.worker.judge.Lane;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps a stale worker from overriding a newer judging. A judging takes a {@link Ticket} when it
 * starts; its verdict (or dead letter) is published only if the ticket still holds: the record's
 * partition has not changed hands since ({@link PartitionAssignment}) and the process has not stood
 * still past its session timeout ({@link StallWatch}). Otherwise the result is dropped, and the
 * record is neither acknowledged nor dead-lettered: the partition's owner judges it (again), and
 * that verdict is the one that stands.
 */
@ApplicationScoped
public class JudgingFence {
  @Inject
  @Identifier(PartitionAssignment.NAME)
  PartitionAssignment assignment;

  /** The rejudge lane's partitions: its own consumer group, so its own assignment. */
  @Inject
  @Identifier(RejudgeAssignment.NAME)
  PartitionAssignment rejudgeAssignment;

  @Inject StallWatch stalls;

  /**
   * What a judging started with.
   *
   * @param lease its record's partition then, empty for a record that came without Kafka metadata
   * @param stallMark the stalls seen by then
   * @param holder the assignment the lease is held in (the record's lane's)
   */
  public record Ticket(
      Optional<PartitionAssignment.Lease> lease, long stallMark, PartitionAssignment holder) {}

  public Ticket take(Message<?> message, Lane lane) {
    PartitionAssignment holder = lane == Lane.REJUDGE ? rejudgeAssignment : assignment;
    Optional<PartitionAssignment.Lease> lease =
        message
            .getMetadata(IncomingKafkaRecordMetadata.class)
            .map(m -> holder.lease(m.getTopic(), m.getPartition()));
    return new Ticket(lease, stalls.stalls(), holder);
  }

  /** Why the ticket's result must not be published, or empty when it may be. */
  public Optional<String> staleReason(Ticket ticket) {
    if (stalls.stalledSince(ticket.stallMark())) {
      return Optional.of(
          "this worker stood still past its session timeout since the judging began");
    }
    if (ticket.lease().isPresent() && !ticket.holder().holds(ticket.lease().get())) {
      return Optional.of(
          "partition "
              + ticket.lease().get().partition()
              + " changed hands since the judging began");
    }
    return Optional.empty();
  }
}
