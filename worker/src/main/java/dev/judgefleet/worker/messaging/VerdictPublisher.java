package dev.judgefleet.worker.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.judgefleet.model.ProgressEvent;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.model.WireJson;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes verdicts (key = submissionId, acks=all, idempotent producer), progress (best effort)
 * and dead letters (the original bytes, the reason in headers). A verdict's stage completes only
 * when Kafka acknowledged it: only then may the submission's offset be committed.
 */
@ApplicationScoped
public class VerdictPublisher {
  private final ObjectMapper json = WireJson.mapper();

  @Inject
  @Channel(Channels.VERDICTS)
  @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
  Emitter<byte[]> verdicts;

  @Inject
  @Channel(Channels.PROGRESS)
  @OnOverflow(OnOverflow.Strategy.DROP)
  Emitter<byte[]> progress;

  @Inject
  @Channel(Channels.DEAD_LETTERS)
  @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
  Emitter<byte[]> deadLetters;

  /** Sends a verdict; the stage completes when the broker has it (or fails). */
  public CompletionStage<Void> verdict(VerdictEvent event) {
    return send(verdicts, event.submissionId(), bytes(event), new RecordHeaders());
  }

  /** Sends progress without waiting: a lost progress event only delays a live display. */
  public void progress(ProgressEvent event) {
    send(progress, event.submissionId(), bytes(event), new RecordHeaders());
  }

  /** Sends the original bytes of a submission the worker cannot judge, with the reason. */
  public CompletionStage<Void> deadLetter(
      String key, byte[] original, String reason, String topic, int partition, long offset) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(Channels.HEADER_REASON, reason.getBytes(StandardCharsets.UTF_8));
    headers.add(Channels.HEADER_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
    headers.add(
        Channels.HEADER_PARTITION, Integer.toString(partition).getBytes(StandardCharsets.UTF_8));
    headers.add(Channels.HEADER_OFFSET, Long.toString(offset).getBytes(StandardCharsets.UTF_8));
    return send(deadLetters, key, original, headers);
  }

  private static CompletionStage<Void> send(
      Emitter<byte[]> emitter, String key, byte[] value, RecordHeaders headers) {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    Message<byte[]> message =
        Message.of(value)
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(key)
                    .withHeaders(headers)
                    .build())
            .withAck(
                () -> {
                  acked.complete(null);
                  return CompletableFuture.completedFuture(null);
                })
            .withNack(
                failure -> {
                  acked.completeExceptionally(failure);
                  return CompletableFuture.completedFuture(null);
                });
    emitter.send(message);
    return acked;
  }

  private byte[] bytes(Object event) {
    try {
      return json.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + event, e);
    }
  }
}
