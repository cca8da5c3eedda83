package dev.judgefleet.worker.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.judgefleet.model.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A contest site, for tests: produces submissions, reads verdicts, progress and dead letters. */
final class TestClient implements AutoCloseable {
  final ObjectMapper json = WireJson.mapper();
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

  private final TestTopics topics;

  TestClient(String bootstrap, TestTopics topics) {
    this.topics = topics;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(topics.verdicts(), topics.progress(), topics.deadLetters())) {
      consumer
          .partitionsFor(topic)
          .forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  void send(String key, String value) throws Exception {
    producer
        .send(
            new ProducerRecord<>(topics.submissions(), key, value.getBytes(StandardCharsets.UTF_8)))
        .get();
  }

  void send(String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(topics.submissions(), key, value)).get();
  }

  /** Sends to another topic than the submissions' (announcements on the problems topic). */
  void send(String topic, String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get();
  }

  TestTopics topics() {
    return topics;
  }

  /** The first record (seen before or arriving within the timeout) that matches. */
  ConsumerRecord<String, byte[]> await(
      String topic, Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (ConsumerRecord<String, byte[]> r : seen) {
        if (r.topic().equals(topic) && match.test(r)) {
          return r;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "nothing matching on "
                + topic
                + " within "
                + timeout
                + "; seen "
                + seen.size()
                + " records");
      }
      consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }
  }

  ConsumerRecord<String, byte[]> verdict(String id, Duration timeout) {
    return await(topics.verdicts(), r -> id.equals(r.key()), timeout);
  }

  /** Every record for a key seen on a topic so far (after polling a little more). */
  List<ConsumerRecord<String, byte[]>> all(String topic, String key) {
    consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
    return seen.stream().filter(r -> r.topic().equals(topic) && key.equals(r.key())).toList();
  }

  @Override
  public void close() {
    producer.close();
    consumer.close();
  }
}
