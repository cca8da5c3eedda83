package dev.judgefleet.worker.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the submissions consumer (and the rejudges' one, in its own group) has joined its
 * group and holds its partitions: a worker reported ready takes the next submission at once, rather
 * than after the group's join.
 */
@Readiness
@ApplicationScoped
public class AssignmentReadiness implements HealthCheck {
  @Inject
  @Identifier(PartitionAssignment.NAME)
  PartitionAssignment assignment;

  @Inject
  @Identifier(RejudgeAssignment.NAME)
  RejudgeAssignment rejudges;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("submissions")
        .status(assignment.joined() && rejudges.joined())
        .withData("partitions", assignment.joined() ? assignment.describe() : "joining the group")
        .withData(
            "rejudge-partitions", rejudges.joined() ? rejudges.describe() : "joining the group")
        .build();
  }
}
