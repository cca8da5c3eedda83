package dev.judgefleet.worker.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/** The partitions of judge.rejudges this worker holds (its own consumer group). */
@ApplicationScoped
@Identifier(RejudgeAssignment.NAME)
public class RejudgeAssignment extends PartitionAssignment {
  /** The name the rejudges channel's {@code consumer-rebalance-listener.name} refers to. */
  public static final String NAME = "judge-rejudges-assignment";
}
