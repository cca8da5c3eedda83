package dev.judgefleet.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the sandbox self-test passed on this node (the Kafka connector adds its own
 * readiness checks: the broker is reachable and the topics are there).
 */
@Readiness
@ApplicationScoped
public class WorkerReadiness implements HealthCheck {
  @Inject WorkerRuntime runtime;
  @Inject ShutdownGate gate;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("sandbox")
        .status(runtime.ready() && !gate.draining())
        .withData("self-test", runtime.selfTest())
        .withData("draining", gate.draining())
        .build();
  }
}
