package dev.judgefleet.worker.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.judgefleet.model.Submission;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.model.WireJson;
import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.messaging.ClientSession;
import dev.judgefleet.worker.messaging.TopicMessage;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code judge load}: submissions per second and queue-to-verdict latency through a running stack.
 * Produces COUNT copies of SOURCE (at a given rate, or all at once), and times each from the
 * broker's acknowledgement of the submission to the arrival of its verdict.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Load-test a running stack: throughput and verdict latency.",
      "Produces --count copies of SOURCE (at --rate, or all at once) and times each from its sending to the arrival of its verdict (p50, p90, p99, max). Kafka: KAFKA_BOOTSTRAP_SERVERS or --bootstrap."
    })
public final class LoadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Inject WorkerConfig config;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String defaultBootstrap;

  @Option(names = "--problem", required = true, paramLabel = "ID", description = "the problem id")
  String problem;

  @Option(
      names = "--language",
      required = true,
      paramLabel = "L",
      description = "the language id (c, cpp, python3, java, ...)")
  String language;

  @Option(names = "--count", defaultValue = "200", description = "submissions (default: 200)")
  int count;

  @Option(names = "--rate", description = "submissions per second (default: all at once)")
  Double rate;

  @Option(
      names = "--bootstrap",
      paramLabel = "HOST:PORT",
      description =
          "Kafka bootstrap servers (default: KAFKA_BOOTSTRAP_SERVERS, else localhost:9092)")
  String bootstrap;

  @Option(
      names = "--timeout",
      defaultValue = "600s",
      paramLabel = "DURATION",
      description = "how long to wait for the verdicts once all are sent (default: 600s)")
  String timeout;

  @Option(names = "--json", description = "print the figures as JSON")
  boolean json;

  @Parameters(index = "0", paramLabel = "SOURCE", description = "the source file to submit")
  Path source;

  @Override
  public Integer call() throws IOException {
    // Before anything is sent: a typo must not flood the stack with submissions first.
    Duration wait = Units.duration(spec, "--timeout", timeout);
    ObjectMapper mapper = WireJson.mapper();
    String code = Files.readString(source, StandardCharsets.UTF_8);
    WorkerConfig.Topics topics = config.worker().topics();
    String servers = bootstrap != null ? bootstrap : defaultBootstrap;
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Long> sent = new HashMap<>();
    Histogram latency = new Histogram(3);
    Histogram judging = new Histogram(3);
    Histogram queued = new Histogram(3);
    Map<String, Integer> verdicts = new TreeMap<>();
    PrintStream err = System.err;
    Progress progress = new Progress(err, json);
    long first;
    long last = 0;
    try (ClientSession kafka =
        new ClientSession(servers, topics.submissions(), List.of(topics.verdicts()))) {
      first = System.nanoTime();
      for (int i = 0; i < count; i++) {
        if (rate != null) {
          long due = first + (long) (i * 1e9 / rate);
          while (System.nanoTime() < due) {
            drain(kafka, mapper, sent, latency, judging, queued, verdicts, Duration.ofMillis(1));
          }
        }
        String id = "load-" + run + "-" + i;
        Submission s =
            new Submission(
                Submission.SCHEMA_VERSION,
                id,
                problem,
                null,
                language,
                code,
                null,
                null,
                List.of(),
                1,
                Instant.now(),
                null);
        byte[] bytes = mapper.writeValueAsBytes(s);
        kafka.submitAsync(id, bytes);
        sent.put(id, System.nanoTime());
      }
      kafka.flush();
      long deadline = System.nanoTime() + wait.toNanos();
      while (latency.getTotalCount() < count && System.nanoTime() < deadline) {
        long got =
            drain(kafka, mapper, sent, latency, judging, queued, verdicts, Duration.ofMillis(200));
        if (got > 0) {
          last = System.nanoTime();
        }
        progress.show(latency.getTotalCount() + "/" + count + " verdicts");
      }
      progress.clear();
    } catch (IllegalStateException e) {
      progress.clear();
      err.println("judge load: " + e.getMessage());
      return 1;
    }
    double seconds = (last - first) / 1e9;
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("submissions", count);
    report.put("verdicts", latency.getTotalCount());
    report.put("byVerdict", verdicts);
    report.put("seconds", Math.round(seconds * 100) / 100.0);
    report.put("perSecond", Math.round(latency.getTotalCount() / seconds * 10) / 10.0);
    report.put("latencyMsP50", latency.getValueAtPercentile(50));
    report.put("latencyMsP90", latency.getValueAtPercentile(90));
    report.put("latencyMsP99", latency.getValueAtPercentile(99));
    report.put("latencyMsMax", latency.getMaxValue());
    report.put("judgeMsP50", judging.getValueAtPercentile(50));
    report.put("judgeMsP99", judging.getValueAtPercentile(99));
    report.put("queuedMsP50", queued.getValueAtPercentile(50));
    report.put("queuedMsMax", queued.getMaxValue());
    if (json) {
      JsonOutput.print(report);
    } else {
      System.out.printf(
          Locale.ROOT,
          "judge load: %d submissions of %s (%s) to %s, %s%n"
              + "  verdicts      %d %s in %.2f s: %.1f submissions/s%n"
              + "  queue-to-verdict latency  p50 %d ms  p90 %d ms  p99 %d ms  max %d ms%n"
              + "  judging (worker's judgeMs) p50 %d ms  p99 %d ms%n"
              + "  queued (worker's queuedMs) p50 %d ms  max %d ms%n",
          count,
          problem,
          language,
          servers,
          rate == null ? "all at once" : rate + "/s",
          latency.getTotalCount(),
          verdicts,
          seconds,
          latency.getTotalCount() / seconds,
          latency.getValueAtPercentile(50),
          latency.getValueAtPercentile(90),
          latency.getValueAtPercentile(99),
          latency.getMaxValue(),
          judging.getValueAtPercentile(50),
          judging.getValueAtPercentile(99),
          queued.getValueAtPercentile(50),
          queued.getMaxValue());
    }
    return latency.getTotalCount() == count ? 0 : 1;
  }

  private static long drain(
      ClientSession kafka,
      ObjectMapper mapper,
      Map<String, Long> sent,
      Histogram latency,
      Histogram judging,
      Histogram queued,
      Map<String, Integer> verdicts,
      Duration wait)
      throws IOException {
    long got = 0;
    for (TopicMessage record : kafka.poll(wait)) {
      Long start = sent.remove(record.key());
      if (start == null) {
        continue;
      }
      long now = System.nanoTime();
      VerdictEvent v = mapper.readValue(record.value(), VerdictEvent.class);
      latency.recordValue(Math.max(0, (now - start) / 1_000_000));
      judging.recordValue(Math.max(0, v.judgeMs()));
      if (v.queuedMs() != null) {
        queued.recordValue(Math.max(0, v.queuedMs()));
      }
      verdicts.merge(v.verdict().name(), 1, Integer::sum);
      got++;
    }
    return got;
  }
}
