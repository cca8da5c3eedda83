package dev.judgefleet.worker.cli.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.judgefleet.model.Submission;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.model.WireJson;
import dev.judgefleet.worker.cli.load.LoadReport.Mismatch;
import dev.judgefleet.worker.messaging.ClientSession;
import dev.judgefleet.worker.messaging.TopicMessage;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Sends a workload through a running stack and collects every verdict: open-loop (Poisson arrivals
 * at a rate, whatever the judges do) or closed-loop (a fixed number of submissions in flight).
 */
public final class LoadGenerator {
  private static final long PROGRESS_NANOS = 250_000_000L;

  /**
   * What to run.
   *
   * @param ratePerSecond open loop at this mean rate, or null for the closed loop
   * @param concurrency closed loop with this many in flight (ignored in the open loop)
   * @param duration how long to send, warm-up included; null: until {@code count} are sent
   * @param warmup the start whose submissions the figures leave out
   * @param count stop after this many, or null for no limit
   * @param seed the arrival and mix draws' seed
   * @param watchedTopics topics read besides the verdicts, for a {@link Tap} (e.g. the DLQ)
   * @param drainTimeout how long to wait for the last verdicts once sending stopped
   * @param submissionsTopic where the measured submissions go (the live lane's topic, or the
   *     rejudges' for {@code --lane rejudge})
   * @param rejudgesTopic where the backlog goes
   * @param rejudgeBacklog rejudges sent before the measured run (0: none)
   */
  public record Settings(
      Workload workload,
      Double ratePerSecond,
      int concurrency,
      Duration duration,
      Duration warmup,
      Long count,
      long seed,
      String bootstrap,
      String submissionsTopic,
      String verdictsTopic,
      List<String> watchedTopics,
      List<String> metricsTargets,
      Duration drainTimeout,
      String rejudgesTopic,
      int rejudgeBacklog) {
    public Settings {
      if (rejudgeBacklog < 0) {
        throw new IllegalArgumentException(
            "the rejudge backlog must not be negative, not " + rejudgeBacklog);
      }
      Objects.requireNonNull(workload, "workload");
      watchedTopics = List.copyOf(watchedTopics);
      Objects.requireNonNull(warmup, "warmup");
      Objects.requireNonNull(drainTimeout, "drainTimeout");
      metricsTargets = List.copyOf(metricsTargets);
      if (duration == null && count == null) {
        throw new IllegalArgumentException("give a duration or a count");
      }
      if (ratePerSecond == null && concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
      }
      if (duration != null && warmup.compareTo(duration) >= 0) {
        throw new IllegalArgumentException(
            "the warm-up (" + warmup + ") must be shorter than the duration (" + duration + ")");
      }
    }

    String mode() {
      return ratePerSecond != null
          ? String.format(Locale.ROOT, "open-loop Poisson %.2f/s", ratePerSecond)
          : "closed-loop concurrency " + concurrency;
    }
  }

  /**
   * A driver's hooks into a run ({@code judge chaos}, {@code judge soak}), all called on the
   * generator's thread.
   */
  public interface Tap {
    /** A submission was handed to the producer. */
    default void sent(String submissionId, WorkloadItem item) {}

    /** A message read off a watched topic (verdicts included), before the generator counts it. */
    default void received(TopicMessage message) {}

    /**
     * Between sends: the driver may send records of its own through the run's session (they are not
     * the generator's submissions and it does not wait for their verdicts).
     */
    default void tick(ClientSession kafka) {}

    /** Whether to stop sending now, before the duration or the count says so. */
    default boolean doneSending() {
      return false;
    }

    /** Whether the driver still waits for messages once sending stopped and no verdict is due. */
    default boolean awaiting() {
      return false;
    }
  }

  private static final Tap NO_TAP = new Tap() {};

  private record Pending(WorkloadItem item, long sentNanos) {}

  private final Settings settings;
  private final ObjectMapper mapper = WireJson.mapper();
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private final Set<String> judged = new HashSet<>();
  private final List<Outcome> outcomes = new ArrayList<>();
  private final Set<String> backlogJudged = new HashSet<>();
  private String backlogPrefix = "\u0000";
  private long duplicates;
  private long wrong;
  private final String runId;
  private long start;

  public LoadGenerator(Settings settings) {
    this.settings = settings;
    // Random per run, not drawn from the seed: a rerun with the same seed must not take an earlier
    // (aborted) run's late verdicts for its own.
    this.runId = String.format(Locale.ROOT, "%08x", new SecureRandom().nextInt());
  }

  /** What every submission id of this run starts with: {@code load-RUNID-}. */
  public String idPrefix() {
    return "load-" + runId + "-";
  }

  /**
   * Runs the load and returns its figures; {@code progress} gets a one-line status a few times a
   * second.
   *
   * @throws IllegalStateException when Kafka cannot be reached or refuses submissions
   */
  public LoadReport run(Consumer<String> progress) throws IOException {
    return run(progress, NO_TAP);
  }

  /** {@link #run(Consumer)} with a driver's hooks. */
  public LoadReport run(Consumer<String> progress, Tap tap) throws IOException {
    Settings s = settings;
    SplittableRandom random = new SplittableRandom(s.seed());
    Instant startedAt = Instant.now();
    long sent = 0;
    List<String> watched = new ArrayList<>(List.of(s.verdictsTopic()));
    watched.addAll(s.watchedTopics());
    try (ClientSession kafka = new ClientSession(s.bootstrap(), s.submissionsTopic(), watched);
        MetricsSampler sampler =
            new MetricsSampler(s.metricsTargets(), s.submissionsTopic(), System.nanoTime())) {
      if (s.rejudgeBacklog() > 0) {
        // A draw of its own: the measured run's arrivals and mix are those of a run without one.
        queueBacklog(kafka, runId, new SplittableRandom(~s.seed()), progress);
      }
      start = System.nanoTime();
      long sendEnd = s.duration() == null ? Long.MAX_VALUE : start + s.duration().toNanos();
      PoissonArrivals arrivals =
          s.ratePerSecond() == null ? null : new PoissonArrivals(s.ratePerSecond(), random);
      long nextArrival = arrivals == null ? 0 : start + arrivals.nextNanos();
      long nextProgress = start;
      while (true) {
        long now = System.nanoTime();
        if (now >= sendEnd || (s.count() != null && sent >= s.count()) || tap.doneSending()) {
          break;
        }
        tap.tick(kafka);
        if (now >= nextProgress) {
          progress.accept(status(sent, now));
          nextProgress = now + PROGRESS_NANOS;
        }
        boolean due = arrivals != null ? now >= nextArrival : pending.size() < s.concurrency();
        if (due) {
          send(kafka, sent, s.workload().pick(random), tap);
          sent++;
          if (arrivals != null) {
            nextArrival = start + arrivals.nextNanos();
          }
          continue;
        }
        long waitNanos = arrivals != null ? Math.min(nextArrival, sendEnd) - now : sendEnd - now;
        drain(kafka, Duration.ofNanos(Math.max(1_000_000L, Math.min(waitNanos, 50_000_000L))), tap);
      }
      long sendingNanos = System.nanoTime() - start;
      kafka.flush();
      long deadline = System.nanoTime() + s.drainTimeout().toNanos();
      while ((!pending.isEmpty() || tap.awaiting()) && System.nanoTime() < deadline) {
        tap.tick(kafka);
        drain(kafka, Duration.ofMillis(200), tap);
        progress.accept(status(sent, System.nanoTime()));
      }
      // A moment for duplicates of the last verdicts (a redelivery after a rebalance).
      drain(kafka, Duration.ofMillis(500), tap);
      List<Mismatch> missing = new ArrayList<>();
      pending.forEach(
          (id, p) ->
              missing.add(
                  new Mismatch(id, p.item().name(), p.item().expected().name(), null, null)));
      return LoadFigures.of(
          new LoadFigures.Run(
              startedAt.toString(),
              s.bootstrap(),
              s.mode(),
              sendingNanos,
              Math.min(s.warmup().toNanos(), sendingNanos),
              sent,
              duplicates,
              outcomes,
              missing,
              sampler.samples(),
              new LoadReport.Backlog(s.rejudgeBacklog(), backlogJudged.size())));
    }
  }

  private String status(long sent, long now) {
    return String.format(
        Locale.ROOT,
        "%.0f s  sent %d  verdicts %d  in flight %d  wrong %d%s%s",
        (now - start) / 1e9,
        sent,
        outcomes.size(),
        pending.size(),
        wrong,
        settings.rejudgeBacklog() > 0 ? "  rejudges judged " + backlogJudged.size() : "",
        now - start < settings.warmup().toNanos() ? "  (warm-up)" : "");
  }

  /**
   * Puts the backlog on the rejudge topic, from the workload's mix, and waits until the broker has
   * it all: the measured run starts with the whole backlog queued. Their verdicts are counted, not
   * measured.
   */
  private void queueBacklog(
      ClientSession kafka, String runId, SplittableRandom random, Consumer<String> progress)
      throws IOException {
    backlogPrefix = "load-" + runId + "-rejudge-";
    for (int i = 0; i < settings.rejudgeBacklog(); i++) {
      WorkloadItem item = settings.workload().pick(random);
      String id = backlogPrefix + i;
      kafka.submitAsync(
          settings.rejudgesTopic(), id, mapper.writeValueAsBytes(submission(id, item)));
      if (i % 1000 == 999) {
        progress.accept("queued " + (i + 1) + " rejudges on " + settings.rejudgesTopic());
      }
    }
    kafka.flush();
    progress.accept(
        "queued " + settings.rejudgeBacklog() + " rejudges on " + settings.rejudgesTopic());
    // Verdicts of rejudges judged while the backlog was sent are not the run's.
    kafka.poll(Duration.ZERO);
  }

  private static Submission submission(String id, WorkloadItem item) {
    return new Submission(
        Submission.SCHEMA_VERSION,
        id,
        item.problemId(),
        null,
        item.language(),
        item.source(),
        null,
        null,
        item.tests(),
        Submission.FIRST_ATTEMPT,
        Instant.now(),
        null);
  }

  private void send(ClientSession kafka, long n, WorkloadItem item, Tap tap) throws IOException {
    String id = idPrefix() + n;
    byte[] bytes = mapper.writeValueAsBytes(submission(id, item));
    pending.put(id, new Pending(item, System.nanoTime() - start));
    kafka.submitAsync(id, bytes);
    tap.sent(id, item);
  }

  private void drain(ClientSession kafka, Duration wait, Tap tap) throws IOException {
    for (TopicMessage message : kafka.poll(wait)) {
      tap.received(message);
      String id = message.key();
      if (id == null || !message.topic().equals(settings.verdictsTopic())) {
        continue;
      }
      if (id.startsWith(backlogPrefix)) {
        backlogJudged.add(id);
        continue;
      }
      Pending p = pending.remove(id);
      if (p == null) {
        if (judged.contains(id)) {
          duplicates++;
        }
        continue;
      }
      long received = System.nanoTime() - start;
      VerdictEvent v = mapper.readValue(message.value(), VerdictEvent.class);
      String node = v.judgedBy() == null ? "?" : v.judgedBy().node();
      Outcome o =
          new Outcome(
              id,
              p.item().name(),
              p.item().expected(),
              v.verdict(),
              node,
              p.sentNanos(),
              received,
              v.judgeMs());
      if (!o.asExpected()) {
        wrong++;
      }
      outcomes.add(o);
      judged.add(id);
    }
  }
}
