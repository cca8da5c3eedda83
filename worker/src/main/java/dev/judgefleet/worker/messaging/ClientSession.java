package dev.judgefleet.worker.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A producer for submissions and a watcher on the verdict and progress topics, for the command line
 * ({@code judge submit}, {@code judge load}). The watcher reads every partition from its end as of
 * opening, without a consumer group: start it before producing, and no verdict is missed.
 */
public final class ClientSession implements AutoCloseable {
  private static final Duration API_TIMEOUT = Duration.ofSeconds(15);

  /** The largest record the producer sends: twice the worker's default message limit. */
  public static final int MAX_RECORD_BYTES = 16 << 20;

  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final String submissions;
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  /**
   * Opens the session.
   *
   * @throws IllegalStateException with a one-line message when no broker answers at {@code
   *     bootstrap}, a watched topic does not exist, or the broker does not answer in time
   */
  public ClientSession(String bootstrap, String submissions, List<String> watched) {
    this.submissions = submissions;
    BrokerProbe.requireListening(bootstrap);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(API_TIMEOUT.toMillis()));
    // judge chaos sends records over the worker's 8 MiB limit on purpose; gzip keeps their batches
    // under the brokers' message.max.bytes.
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_RECORD_BYTES));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
    producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(API_TIMEOUT.toMillis()));
    consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : watched) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, API_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
          throw new IllegalStateException(
              "topic " + topic + " does not exist at " + bootstrap + " (is the stack up?)");
        }
        infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
      }
      // The producer's metadata too: the first send would otherwise wait for it, after the
      // submission was stamped (its queue time would count this JVM's start-up).
      producer.partitionsFor(submissions);
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      // Resolve the end offsets now, not lazily at the first poll (which may come after
      // producing).
      partitions.forEach(consumer::position);
    } catch (TimeoutException e) {
      close();
      throw new IllegalStateException(
          "the Kafka broker at "
              + bootstrap
              + " did not answer within "
              + API_TIMEOUT.toSeconds()
              + " s",
          e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Sends a submission; returns once the broker acknowledged it. */
  public void submit(String key, byte[] json) {
    try {
      producer.send(new ProducerRecord<>(submissions, key, json)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while submitting", e);
    } catch (ExecutionException | KafkaException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException("Kafka refused the submission: " + cause, e);
    }
  }

  /** Sends without waiting (for load generation); a failure surfaces at {@link #flush()}. */
  public void submitAsync(String key, byte[] json) {
    producer.send(
        new ProducerRecord<>(submissions, key, json),
        (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
  }

  /** Sends to another topic than the session's (a rejudge backlog), without waiting. */
  public void submitAsync(String topic, String key, byte[] json) {
    producer.send(
        new ProducerRecord<>(topic, key, json),
        (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
  }

  /**
   * Waits until everything sent has been acknowledged.
   *
   * @throws IllegalStateException when the broker refused a submission sent without waiting
   */
  public void flush() {
    producer.flush();
    Exception e = failure.getAndSet(null);
    if (e != null) {
      throw new IllegalStateException("Kafka refused a submission: " + e, e);
    }
  }

  /** The messages on the watched topics since the last poll, waiting up to {@code timeout}. */
  public List<TopicMessage> poll(Duration timeout) {
    List<TopicMessage> messages = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
      messages.add(new TopicMessage(r.topic(), r.key(), r.value(), r.timestamp()));
    }
    return messages;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    consumer.close(Duration.ofSeconds(5));
  }
}
