package dev.judgefleet.worker.messaging;

/**
 * One message as a client of the stack reads it off a topic, without Kafka's types.
 *
 * @param topic the topic it was read from
 * @param key its key (a submission id on the verdict and progress topics)
 * @param value its bytes (JSON)
 * @param timestampMs the broker's or the producer's timestamp, milliseconds since the epoch
 */
public record TopicMessage(String topic, String key, byte[] value, long timestampMs) {}
