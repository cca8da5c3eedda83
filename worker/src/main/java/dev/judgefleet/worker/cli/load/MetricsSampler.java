package dev.judgefleet.worker.cli.load;

import dev.judgefleet.worker.messaging.Channels;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the workers' {@code /q/metrics} once a second during a load run: busy slots and consumer
 * lag on the submissions topic, per worker. A worker that does not answer (killed, restarting) is
 * simply missing from that second's samples.
 */
public final class MetricsSampler implements AutoCloseable {
  static final String BUSY = "judge_slots_busy";
  static final String SLOTS = "judge_slots";
  static final String LAG = "kafka_consumer_fetch_manager_records_lag";
  static final String LAG_MAX = "kafka_consumer_fetch_manager_records_lag_max";
  // SmallRye names a channel's consumer client kafka-consumer-CHANNEL.
  static final String SUBMISSIONS_CLIENT = "kafka-consumer-" + Channels.SUBMISSIONS;

  private final List<URI> targets;
  private final String submissionsTopic;
  private final long startNanos;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
  private final List<MetricSample> samples = new ArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "metrics-sampler");
            t.setDaemon(true);
            return t;
          });

  /**
   * Starts sampling {@code targets} (base URLs such as {@code http://127.0.0.1:8080}; {@code
   * /q/metrics} is added when they have no path), with times relative to {@code startNanos}.
   */
  public MetricsSampler(List<String> targets, String submissionsTopic, long startNanos) {
    this.targets = targets.stream().map(MetricsSampler::metricsUri).toList();
    this.submissionsTopic = submissionsTopic;
    this.startNanos = startNanos;
    if (!this.targets.isEmpty()) {
      timer.scheduleAtFixedRate(this::sampleAll, 0, 1, TimeUnit.SECONDS);
    }
  }

  static URI metricsUri(String target) {
    URI uri = URI.create(target.contains("://") ? target : "http://" + target);
    String path = uri.getPath();
    return path == null || path.isEmpty() || path.equals("/") ? uri.resolve("/q/metrics") : uri;
  }

  private void sampleAll() {
    double at = (System.nanoTime() - startNanos) / 1e9;
    for (URI target : targets) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(target).timeout(Duration.ofMillis(800)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          MetricSample s = parse(target.getAuthority(), at, response.body(), submissionsTopic);
          synchronized (samples) {
            samples.add(s);
          }
        }
      } catch (IOException e) {
        // Down or restarting: a gap in its line is what the report should show.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static MetricSample parse(String target, double at, String text, String submissionsTopic) {
    OptionalDouble lag = PrometheusText.sum(text, LAG, "\"" + submissionsTopic + "\"");
    if (lag.isEmpty()) {
      // The per-partition series appear only once the client has reported them; until then (and
      // on some client versions) the consumer's own maximum over its partitions is what there is.
      lag = PrometheusText.sum(text, LAG_MAX, "\"" + SUBMISSIONS_CLIENT + "\"");
    }
    return new MetricSample(
        target,
        Math.round(at * 10) / 10.0,
        PrometheusText.sum(text, BUSY, "").orElse(0),
        PrometheusText.sum(text, SLOTS, "").orElse(0),
        lag.orElse(-1));
  }

  /** The samples so far, in time order per target. */
  public List<MetricSample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
