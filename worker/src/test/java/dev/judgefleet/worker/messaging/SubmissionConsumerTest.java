package dev.judgefleet.worker.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.model.Phase;
import dev.judgefleet.model.ProgressEvent;
import dev.judgefleet.model.SubmissionPolicy;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.model.VerdictReason;
import dev.judgefleet.worker.judge.DerivedTimeLimits;
import dev.judgefleet.worker.judge.JudgeOptions;
import dev.judgefleet.worker.judge.JudgeResult;
import dev.judgefleet.worker.judge.JudgeResults;
import dev.judgefleet.worker.judge.ProgressListener;
import dev.judgefleet.worker.judge.SlotPool;
import dev.judgefleet.worker.judge.SourceBundle;
import dev.judgefleet.worker.judge.SubmissionJudge;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.ProblemHandle;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.problem.ProblemSource;
import dev.judgefleet.worker.problem.ProblemStore;
import dev.judgefleet.worker.problem.ProblemsUnavailableException;
import dev.judgefleet.worker.problem.TestCase;
import dev.judgefleet.worker.service.JudgingService;
import dev.judgefleet.worker.service.TimeLimits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the consumer does with each record, without Kafka: a submission is acknowledged only after
 * its verdict is; a record that is not a submission is dead-lettered (with an IE verdict when its
 * id can be read); a draining or abandoned worker hands it back; a store outage parks it. The real
 * broker is {@code KafkaWorkerIT}'s.
 */
class SubmissionConsumerTest {
  private static final String VALID =
      """
      {"schemaVersion":1,"submissionId":"s1","problemId":"aplusb","language":"python3",
       "source":"print(3)\\n"}""";

  @TempDir Path tmp;

  private final List<String> events = new ArrayList<>();
  private final List<VerdictEvent> verdicts = new ArrayList<>();
  private final List<String> deadLetters = new ArrayList<>();
  private final List<Runnable> parked = new ArrayList<>();
  private boolean draining;
  private boolean abandoned;
  private boolean storeDown;
  private boolean verdictsFail;
  private int judged;
  private SlotPool slots;
  private SubmissionConsumer consumer;
  private final PartitionAssignment assignment = new PartitionAssignment();
  private final PartitionAssignment rejudgeAssignment = new RejudgeAssignment();
  private long clockNanos;
  private final StallWatch stallWatch = new StallWatch(() -> clockNanos, 10_000_000_000L);

  /** Runs while the (fake) judge judges: a rebalance or a stall "during" the judging. */
  private Runnable duringJudging = () -> {};

  @BeforeEach
  void wire() {
    LanguageCatalog languages =
        LanguageCatalog.fromRecipes(LanguageCatalog.recipesDirectory(Optional.empty()));
    ProblemStore directory =
        new ProblemStore(Path.of("..", "examples", "problems").toAbsolutePath(), Duration.ZERO);
    ProblemSource problems =
        new ProblemSource() {
          @Override
          public Optional<ProblemHandle> open(String id, Optional<String> version) {
            if (storeDown) {
              throw new ProblemsUnavailableException("store unreachable", null);
            }
            return directory.open(id, version);
          }

          @Override
          public String where() {
            return directory.where();
          }
        };
    JudgingService service =
        new JudgingService(
            new AcceptingJudge(),
            languages,
            problems,
            new TimeLimits(new DerivedTimeLimits(tmp), (p, slot) -> Duration.ofSeconds(1)),
            "node-t",
            "test",
            0);
    slots = new SlotPool(2);
    WorkerRuntime.State state =
        new WorkerRuntime.State(
            null,
            service,
            slots,
            new WorkerMetrics(new SimpleMeterRegistry(), slots::busy, slots.size()),
            SubmissionPolicy.withDefaults(Set.of("python3", "c")),
            "node-t",
            problems,
            Optional.empty());
    consumer = new SubmissionConsumer();
    consumer.runtime =
        new WorkerRuntime() {
          @Override
          public State state() {
            return state;
          }
        };
    consumer.gate =
        new ShutdownGate() {
          @Override
          public synchronized boolean admit() {
            return !draining;
          }

          @Override
          public synchronized void done() {}

          @Override
          public boolean abandoned() {
            return abandoned;
          }
        };
    consumer.storeWait =
        new StoreWait() {
          @Override
          public synchronized void park(Runnable retry) {
            events.add("parked");
            parked.add(retry);
          }
        };
    consumer.publisher =
        new VerdictPublisher() {
          @Override
          public CompletionStage<Void> verdict(VerdictEvent event) {
            events.add("verdict " + event.verdict());
            SubmissionConsumerTest.this.verdicts.add(event);
            return verdictsFail
                ? CompletableFuture.failedFuture(new IllegalStateException("broker gone"))
                : CompletableFuture.completedFuture(null);
          }

          @Override
          public void progress(ProgressEvent event) {
            events.add("progress " + event.phase());
          }

          @Override
          public CompletionStage<Void> deadLetter(
              String key,
              byte[] original,
              String reason,
              String topic,
              int partition,
              long offset) {
            events.add("dead letter");
            duringJudging.run();
            SubmissionConsumerTest.this.deadLetters.add(reason);
            return CompletableFuture.completedFuture(null);
          }
        };
    consumer.mapping = new SubmissionMapping();
    consumer.fence = new JudgingFence();
    consumer.fence.assignment = assignment;
    consumer.fence.rejudgeAssignment = rejudgeAssignment;
    consumer.fence.stalls = stallWatch;
  }

  /** A record as the Kafka connector delivers it: from judge.submissions, partition 2. */
  private void deliverFromPartition(String json) {
    consumer.onSubmission(fromPartition("judge.submissions", json)).toCompletableFuture().join();
  }

  private Message<byte[]> fromPartition(String topic, String json) {
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>(topic, 2, 40L, "s1", json.getBytes(StandardCharsets.UTF_8));
    return Message.of(
        record.value(),
        Metadata.of(new IncomingKafkaRecordMetadata<>(record, Channels.SUBMISSIONS)),
        () -> {
          events.add("ack");
          return CompletableFuture.completedFuture(null);
        });
  }

  private void deliver(String json) {
    Message<byte[]> message =
        Message.of(
            json.getBytes(StandardCharsets.UTF_8),
            () -> {
              events.add("ack");
              return CompletableFuture.completedFuture(null);
            });
    consumer.onSubmission(message).toCompletableFuture().join();
  }

  @Test
  void aSubmissionIsAcknowledgedOnlyAfterItsVerdict() {
    deliver(VALID);
    assertEquals(
        List.of("progress " + Phase.ACCEPTED, "progress " + Phase.DONE, "verdict AC", "ack"),
        events);
    assertEquals("s1", verdicts.get(0).submissionId());
    assertEquals(1, judged);
    assertEquals(0, slots.busy(), "the slot is given back");
  }

  @Test
  void malformedJsonIsDeadLetteredAndAcknowledgedWithoutAVerdict() {
    deliver("{\"schemaVersion\":1,");
    assertEquals(List.of("dead letter", "ack"), events);
    assertEquals(0, judged);
  }

  @Test
  void anInvalidSubmissionWithAReadableIdAlsoGetsTheSubmittersIe() {
    deliver(
        """
        {"schemaVersion":1,"submissionId":"bad1","problemId":"aplusb","language":"cobol",
         "source":"x"}""");
    assertEquals(List.of("dead letter", "verdict IE", "ack"), events);
    assertEquals(VerdictReason.INVALID_SUBMISSION, verdicts.get(0).reason());
    assertTrue(deadLetters.get(0).contains("cobol"), deadLetters.get(0));
    assertEquals(0, judged);
  }

  @Test
  void aDrainingWorkerHandsTheSubmissionBackUntouched() {
    draining = true;
    deliver(VALID);
    assertEquals(List.of(), events);
    assertEquals(0, judged);
  }

  @Test
  void aJudgingAbandonedAtShutdownPublishesNothingAndIsNotAcknowledged() {
    abandoned = true;
    deliver(VALID);
    assertFalse(events.contains("ack"), events.toString());
    assertTrue(verdicts.isEmpty());
    assertEquals(1, judged);
  }

  @Test
  void aStoreOutageParksTheSubmissionUntilTheStoreAnswers() {
    storeDown = true;
    deliver(VALID);
    assertEquals(List.of("progress " + Phase.ACCEPTED, "parked"), events);
    assertEquals(0, slots.busy(), "a parked submission holds no slot");
    storeDown = false;
    events.clear();
    parked.get(0).run();
    assertEquals(
        List.of("progress " + Phase.ACCEPTED, "progress " + Phase.DONE, "verdict AC", "ack"),
        events);
  }

  @Test
  void aVerdictTheBrokerRefusedLeavesTheSubmissionUncommitted() {
    verdictsFail = true;
    deliver(VALID);
    assertTrue(events.contains("verdict AC"));
    assertFalse(events.contains("ack"), events.toString());
  }

  private static final TopicPartition PARTITION_2 = new TopicPartition("judge.submissions", 2);

  @Test
  void aVerdictFromAPartitionStillHeldIsPublished() {
    assignment.assigned(List.of(PARTITION_2));
    deliverFromPartition(VALID);
    assertEquals(
        List.of("progress " + Phase.ACCEPTED, "progress " + Phase.DONE, "verdict AC", "ack"),
        events);
  }

  /** The rejudge lane is its own consumer group: its leases are held in its own assignment. */
  @Test
  void aRejudgeIsFencedByTheRejudgeGroupsAssignment() {
    rejudgeAssignment.assigned(List.of(new TopicPartition("judge.rejudges", 2)));
    consumer.onRejudge(fromPartition("judge.rejudges", VALID)).toCompletableFuture().join();
    assertTrue(events.contains("verdict AC") && events.contains("ack"), events.toString());

    events.clear();
    verdicts.clear();
    duringJudging =
        () -> rejudgeAssignment.released(List.of(new TopicPartition("judge.rejudges", 2)));
    consumer.onRejudge(fromPartition("judge.rejudges", VALID)).toCompletableFuture().join();
    assertTrue(verdicts.isEmpty(), verdicts.toString());
    assertFalse(events.contains("ack"), events.toString());
  }

  @Test
  void aVerdictWhosePartitionWasRevokedDuringJudgingIsNotPublished() {
    assignment.assigned(List.of(PARTITION_2));
    duringJudging = () -> assignment.released(List.of(PARTITION_2));
    deliverFromPartition(VALID);
    assertEquals(1, judged);
    assertTrue(verdicts.isEmpty(), verdicts.toString());
    assertFalse(events.contains("ack"), events.toString());
  }

  @Test
  void aPartitionLostAndAssignedBackIsAnotherTenure() {
    // The session expired and the group gave the partition back to this worker: the record was
    // delivered again under the new tenure, and the old judging must not publish.
    assignment.assigned(List.of(PARTITION_2));
    duringJudging =
        () -> {
          assignment.released(List.of(PARTITION_2));
          assignment.assigned(List.of(PARTITION_2));
        };
    deliverFromPartition(VALID);
    assertTrue(verdicts.isEmpty(), verdicts.toString());
    assertFalse(events.contains("ack"), events.toString());
  }

  @Test
  void aWorkerThatStoodStillPastItsSessionTimeoutPublishesNothing() {
    // SIGSTOP for 15 s mid-judging, then SIGCONT: the judging thread resumes before the consumer
    // has polled (no onPartitionsLost yet) and before the stall watch has ticked.
    assignment.assigned(List.of(PARTITION_2));
    duringJudging = () -> clockNanos += 15_000_000_000L;
    deliverFromPartition(VALID);
    assertTrue(verdicts.isEmpty(), verdicts.toString());
    assertFalse(events.contains("ack"), events.toString());
    // Once ticked, the stall is remembered: a judging begun before it stays fenced, a new one is
    // published.
    stallWatch.tick();
    duringJudging = () -> {};
    events.clear();
    deliverFromPartition(VALID);
    assertEquals(
        List.of("progress " + Phase.ACCEPTED, "progress " + Phase.DONE, "verdict AC", "ack"),
        events);
  }

  @Test
  void aShortPauseIsNotAStall() {
    assignment.assigned(List.of(PARTITION_2));
    duringJudging = () -> clockNanos += 9_000_000_000L;
    deliverFromPartition(VALID);
    assertEquals(1, verdicts.size());
  }

  @Test
  void aMalformedRecordFromARevokedPartitionIsNotDeadLettered() {
    // Not held at all: the partition was revoked between the fetch and the handling.
    deliverFromPartition("{\"schemaVersion\":1,");
    assertTrue(deadLetters.isEmpty(), deadLetters.toString());
    assertFalse(events.contains("ack"), events.toString());
  }

  @Test
  void anIeVerdictIsNotPublishedWhenThePartitionChangedHandsWhileItsDeadLetterWasSent() {
    // Found by judge chaos: a worker stopped while its dead letter was in flight published the IE
    // verdict after resuming, over the one the partition's new owner had published.
    assignment.assigned(List.of(PARTITION_2));
    duringJudging = () -> assignment.released(List.of(PARTITION_2));
    deliverFromPartition(
        """
        {"schemaVersion":1,"submissionId":"bad1","problemId":"aplusb","language":"cobol",
         "source":"x"}""");
    assertEquals(List.of("dead letter"), events);
    assertTrue(verdicts.isEmpty(), verdicts.toString());
  }

  /** Runs nothing and accepts, counting the judgings. */
  private final class AcceptingJudge implements SubmissionJudge {
    @Override
    public void prepare(ProblemPackage problem, int slot) {}

    @Override
    public JudgeResult judge(
        ProblemPackage problem,
        Language language,
        SourceBundle source,
        Duration timeLimit,
        List<TestCase> tests,
        JudgeOptions options,
        ProgressListener progress) {
      judged++;
      duringJudging.run();
      return JudgeResults.accepted(problem, timeLimit);
    }

    @Override
    public JudgeResult judgeAnswers(
        ProblemPackage problem,
        SourceBundle answers,
        List<TestCase> tests,
        JudgeOptions options,
        ProgressListener progress) {
      return judge(problem, null, answers, Duration.ZERO, tests, options, progress);
    }
  }
}
