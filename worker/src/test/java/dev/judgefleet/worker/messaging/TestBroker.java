package dev.judgefleet.worker.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker (KRaft, one combined node) inside the test JVM: Kafka's own test kit, from
 * Maven Central, no Docker. Starts in about two seconds.
 */
final class TestBroker implements AutoCloseable {
  private final KafkaClusterTestKit cluster;

  TestBroker() throws Exception {
    cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("auto.create.topics.enable", "false")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
  }

  String bootstrap() {
    return cluster.bootstrapServers();
  }

  /** The worker's topics, as `judge up` creates them, under the names {@code t} gives. */
  void createTopics(TestTopics t) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    try (Admin admin = Admin.create(p)) {
      List<NewTopic> topics = new ArrayList<>();
      topics.add(new NewTopic(t.submissions(), 2, (short) 1));
      topics.add(new NewTopic(t.rejudges(), 2, (short) 1));
      topics.add(
          new NewTopic(t.verdicts(), 2, (short) 1).configs(Map.of("cleanup.policy", "compact")));
      topics.add(new NewTopic(t.progress(), 2, (short) 1));
      topics.add(new NewTopic(t.deadLetters(), 1, (short) 1));
      topics.add(
          new NewTopic(t.problems(), 1, (short) 1).configs(Map.of("cleanup.policy", "compact")));
      admin.createTopics(topics).all().get();
    }
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }

  static Duration startTimeout() {
    return Duration.ofSeconds(60);
  }
}
