package dev.judgefleet.worker.messaging;

import dev.judgefleet.worker.problem.store.ProblemAnnouncement;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * For {@code judge problems push}: publishes a push on the compacted judge.problems topic (key: the
 * problem id), acks=all.
 */
public final class ProblemAnnouncer implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final String bootstrap;

  public ProblemAnnouncer(String bootstrap, String topic) {
    this.bootstrap = bootstrap;
    this.topic = topic;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** Sends the announcement; returns once the broker has it. */
  public void announce(ProblemAnnouncement announcement) {
    try {
      producer
          .send(new ProducerRecord<>(topic, announcement.problemId(), announcement.json()))
          .get(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while announcing", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "announcing "
              + announcement.problemId()
              + " on "
              + topic
              + " at "
              + bootstrap
              + ": "
              + (e.getCause() == null ? e : e.getCause()),
          e);
    }
  }

  public String where() {
    return topic + " at " + bootstrap;
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(5));
  }
}
