package dev.judgefleet.worker.messaging;

import dev.judgefleet.model.Phase;
import dev.judgefleet.model.ProgressEvent;
import dev.judgefleet.model.Submission;
import dev.judgefleet.model.SubmissionParseResult;
import dev.judgefleet.model.SubmissionParser;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.worker.judge.Lane;
import dev.judgefleet.worker.judge.ProgressListener;
import dev.judgefleet.worker.problem.ProblemsUnavailableException;
import dev.judgefleet.worker.service.JudgingService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Turns submissions on Kafka into verdicts on Kafka. Each runs on one of the node's judging slots
 * (a named worker pool, its concurrency the slot count: never an unbounded pool). A submission's
 * message is acknowledged, and its offset becomes committable, only after Kafka acknowledged the
 * verdict, so a worker killed mid-judging loses nothing: the submission is delivered again.
 *
 * <p>The consumer reads raw bytes and parses them itself: a record that is not a valid submission
 * never stops consumption; it goes to the dead-letter topic with the reason, and, when its
 * submissionId can be read, an IE verdict says why.
 *
 * <p>Two lanes feed it: live submissions (judge.submissions) and rejudges (judge.rejudges), in the
 * same format; the slot pool gives a free slot to live work first ({@link
 * dev.judgefleet.worker.judge.SlotPool}).
 *
 * <p>A submission whose problem package cannot be had while the store is down leaves its slot and
 * waits, unacknowledged, in {@link StoreWait} until the store answers again.
 *
 * <p>A result whose partition changed hands while it was judged, or judged across a stall of the
 * process past its session timeout, is dropped unpublished and unacknowledged ({@link
 * JudgingFence}): the partition's owner has judged or will judge the record, and this late result
 * must not override that newer judging.
 */
@ApplicationScoped
public class SubmissionConsumer {
  private static final Logger LOG = Logger.getLogger(SubmissionConsumer.class);

  @Inject WorkerRuntime runtime;
  @Inject VerdictPublisher publisher;
  @Inject ShutdownGate gate;
  @Inject SubmissionMapping mapping;
  @Inject StoreWait storeWait;
  @Inject JudgingFence fence;

  @Incoming(Channels.SUBMISSIONS)
  @Blocking(value = "judge-slots", ordered = false)
  public CompletionStage<Void> onSubmission(Message<byte[]> message) {
    return process(message, Lane.LIVE);
  }

  /**
   * The low lane: the same format and judging, on a worker pool of its own, so rejudges waiting for
   * a slot never take the threads live submissions reach the slot pool on.
   */
  @Incoming(Channels.REJUDGES)
  @Blocking(value = "judge-rejudge-slots", ordered = false)
  public CompletionStage<Void> onRejudge(Message<byte[]> message) {
    return process(message, Lane.REJUDGE);
  }

  private CompletionStage<Void> process(Message<byte[]> message, Lane lane) {
    if (!gate.admit()) {
      // Shutting down: hand the submission back. No ack (not committed), no nack (not
      // dead-lettered): it is delivered again to whoever owns the partition next.
      return CompletableFuture.completedFuture(null);
    }
    try {
      JudgingFence.Ticket ticket = fence.take(message, lane);
      WorkerRuntime.State state = runtime.state();
      CompletionStage<Void> published = handle(message, state, ticket, lane);
      if (published == null) {
        return CompletableFuture.completedFuture(null);
      }
      published.toCompletableFuture().join();
      return message.ack();
    } catch (ProblemsUnavailableException e) {
      LOG.warnf(
          "submission at %s waits for the problem store (not committed): %s",
          where(message), e.getMessage());
      // Not acknowledged now; the retry acknowledges it once it is judged. The stage completes at
      // once, so the waiting submission holds no place in the channel's concurrency.
      storeWait.park(() -> process(message, lane));
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      // Not acknowledged: the offset stays uncommitted and the submission comes back.
      LOG.errorf(
          e, "submission at %s could not be answered; leaving it uncommitted", where(message));
      return CompletableFuture.completedFuture(null);
    } finally {
      gate.done();
    }
  }

  /** Answers a record; null when it was handed back instead (shutting down, or stale). */
  private CompletionStage<Void> handle(
      Message<byte[]> message, WorkerRuntime.State state, JudgingFence.Ticket ticket, Lane lane) {
    byte[] bytes = message.getPayload() == null ? new byte[0] : message.getPayload();
    SubmissionParseResult parsed = SubmissionParser.parse(bytes, state.policy());
    if (parsed instanceof SubmissionParseResult.Malformed malformed) {
      if (stale(message, ticket, state)) {
        return null;
      }
      return deadLetter(
          message, bytes, malformed.reason(), malformed.submissionId(), state, ticket);
    }
    Submission submission = ((SubmissionParseResult.Parsed) parsed).submission();
    String id = submission.submissionId();
    int attempt = submission.attempt();
    int slot;
    try {
      slot = state.slots().take(lane);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a slot", e);
    }
    try {
      if (lane == Lane.REJUDGE && gate.draining()) {
        // A rejudge that waited out live work until shutdown began: not started, handed back.
        LOG.infof("handed back rejudge %s (attempt %d) before judging", id, attempt);
        return null;
      }
      ProgressListener progress =
          (phase, test, of) ->
              publisher.progress(
                  new ProgressEvent(
                      VerdictEvent.SCHEMA_VERSION,
                      id,
                      attempt,
                      phase,
                      phase == Phase.RUNNING ? test : null,
                      phase == Phase.RUNNING ? of : null));
      progress.progress(Phase.ACCEPTED, 0, 0);
      JudgingService.Outcome outcome =
          state.service().judge(mapping.request(submission), slot, progress);
      if (gate.abandoned()) {
        // The grace period ran out while this was judged: hand it back.
        LOG.infof("handed back %s (attempt %d)", id, attempt);
        return null;
      }
      VerdictEvent event = outcome.event();
      if (stale(message, ticket, state)) {
        return null;
      }
      state.metrics().queued(event.queuedMs() == null ? -1 : event.queuedMs());
      state.metrics().judged(event, outcome.result().orElse(null));
      progress.progress(Phase.DONE, 0, 0);
      return publisher.verdict(event);
    } finally {
      state.slots().give(slot, lane);
    }
  }

  private CompletionStage<Void> deadLetter(
      Message<byte[]> message,
      byte[] bytes,
      String reason,
      Optional<String> submissionId,
      WorkerRuntime.State state,
      JudgingFence.Ticket ticket) {
    Optional<IncomingKafkaRecordMetadata> meta =
        message.getMetadata(IncomingKafkaRecordMetadata.class);
    String key = meta.map(m -> (String) m.getKey()).orElse(null);
    LOG.warnf("dead-lettering the record at %s: %s", where(message), reason);
    state.metrics().deadLettered();
    CompletionStage<Void> dead =
        publisher.deadLetter(
            key,
            bytes,
            reason,
            meta.map(IncomingKafkaRecordMetadata::getTopic).orElse(""),
            meta.map(IncomingKafkaRecordMetadata::getPartition).orElse(-1),
            meta.map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L));
    if (submissionId.isEmpty()) {
      return dead;
    }
    VerdictEvent verdict = mapping.rejected(submissionId.get(), reason, state.node());
    // The dead letter can take long (a large record, a broker failing over, the process stopped
    // meanwhile): the fence again before the verdict, which a newer judging may have published.
    dead.toCompletableFuture().join();
    if (stale(message, ticket, state)) {
      return null;
    }
    return publisher.verdict(verdict);
  }

  /** Whether the fence holds this result back (logged, counted). */
  private boolean stale(
      Message<byte[]> message, JudgingFence.Ticket ticket, WorkerRuntime.State state) {
    Optional<String> reason = fence.staleReason(ticket);
    if (reason.isEmpty()) {
      return false;
    }
    LOG.warnf("not publishing the result for the record at %s: %s", where(message), reason.get());
    state.metrics().staleDropped();
    return true;
  }

  private static String where(Message<?> message) {
    return message
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .map(m -> m.getTopic() + "/" + m.getPartition() + "@" + m.getOffset())
        .orElse("?");
  }
}
