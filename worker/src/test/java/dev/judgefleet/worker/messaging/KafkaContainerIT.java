package dev.judgefleet.worker.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.worker.sandbox.IntegrationEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The worker against Apache Kafka's own container image, where a Docker engine exists. Skipped
 * cleanly without one (the build machines have none: {@link KafkaWorkerIT} covers the same ground
 * with an in-JVM broker).
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerIT {
  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

  @Test
  void judgesASubmissionThroughAContainerisedBroker() throws Exception {
    assumeTrue(new UnixSystem().getUid() == 0, "needs root");
    assumeTrue(WorkerProcess.packaged(), "the packaged worker is built by `mvn package`");
    TestTopics topics = TestTopics.fresh();
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers());
    try (Admin admin = Admin.create(p)) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topics.submissions(), 1, (short) 1),
                  new NewTopic(topics.rejudges(), 1, (short) 1),
                  new NewTopic(topics.verdicts(), 1, (short) 1)
                      .configs(Map.of("cleanup.policy", "compact")),
                  new NewTopic(topics.progress(), 1, (short) 1),
                  new NewTopic(topics.deadLetters(), 1, (short) 1)))
          .all()
          .get();
    }
    Path state = IntegrationEngine.stateDir().resolveSibling("it-state-container");
    Files.createDirectories(state);
    String id = "container-" + UUID.randomUUID();
    try (TestClient client = new TestClient(KAFKA.getBootstrapServers(), topics);
        WorkerProcess worker =
            new WorkerProcess(KAFKA.getBootstrapServers(), topics, state, 1, "30s")) {
      worker.awaitReady(Duration.ofSeconds(120));
      client.send(
          id,
          "{\"schemaVersion\":1,\"submissionId\":\""
              + id
              + "\",\"problemId\":\"aplusb\","
              + "\"language\":\"python3\",\"source\":\"print(sum(map(int, input().split())))\\n\"}");
      VerdictEvent verdict =
          client.json.readValue(
              client.verdict(id, Duration.ofSeconds(120)).value(), VerdictEvent.class);
      assertEquals(Verdict.AC, verdict.verdict(), verdict.toString());
    }
  }
}
