package dev.judgefleet.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.security.auth.module.UnixSystem;
import dev.judgefleet.model.Submission;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.model.WireJson;
import dev.judgefleet.worker.cli.load.LoadReport;
import dev.judgefleet.worker.messaging.ClientSession;
import dev.judgefleet.worker.messaging.TopicMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/judge up --brokers 3 --workers 2} as an operator runs it: a real 3-broker KRaft
 * cluster and two workers (one slot each) judge submissions, and every verdict still arrives after
 * a broker is killed with SIGKILL; then {@code judge load} runs a workload through what is left.
 */
class FleetIT {
  private static final Path TOP = UpStack.TOP;
  private static final Path APLUSB = TOP.resolve("examples/problems/aplusb");
  private static final Duration VERDICT_TIMEOUT = Duration.ofMinutes(5);
  private static final int PER_ROUND = 6;
  private static final int LOAD_COUNT = 10;

  @TempDir Path tmp;

  @Test
  void everyVerdictArrivesAfterABrokerIsKilled() throws Exception {
    assumeTrue(new UnixSystem().getUid() == 0, "the sandbox needs root");
    assumeTrue(
        Files.isRegularFile(Path.of("target", "quarkus-app", "quarkus-run.jar")),
        "bin/judge runs the packaged worker, built by `mvn package`");
    // One problem keeps the workers' start (preparing problems) short (UpStack gives its time
    // limit: deriving it from the reference solutions would take each fresh fleet a minute).
    try (UpStack stack = UpStack.start(tmp, 3, 2)) {
      judgeThroughTheFleet(stack);
    }
  }

  private void judgeThroughTheFleet(UpStack stack) throws Exception {
    int kafkaPort = stack.kafkaPort;
    int httpPort = stack.httpPort;
    Path data = stack.data;
    String bootstrap = "127.0.0.1:" + kafkaPort;
    ObjectMapper mapper = WireJson.mapper();
    String source = Files.readString(APLUSB.resolve("submissions/accepted/aplusb.c"));
    Map<String, VerdictEvent> verdicts = new HashMap<>();
    Set<String> sent = new HashSet<>();
    try (ClientSession kafka =
        new ClientSession(bootstrap, "judge.submissions", List.of("judge.verdicts"))) {
      submit(kafka, mapper, source, sent);
      await(kafka, mapper, sent, verdicts);
      // The first broker: the one clients bootstrap from, and a controller of the quorum.
      long broker = Long.parseLong(Files.readString(data.resolve("kafka-1/broker.pid")).trim());
      assertTrue(ProcessHandle.of(broker).map(ProcessHandle::destroyForcibly).orElse(false));
      submit(kafka, mapper, source, sent);
      await(kafka, mapper, sent, verdicts);
    }
    assertEquals(sent, verdicts.keySet());
    Set<String> nodes = new HashSet<>();
    for (VerdictEvent v : verdicts.values()) {
      assertEquals(Verdict.AC, v.verdict(), v.toString());
      nodes.add(v.judgedBy().node());
    }
    assertEquals(2, nodes.size(), "both workers judged: " + nodes);

    // judge load through the same fleet (two brokers left): a workload of AC, WA, CE and inline
    // tests, every verdict checked, figures per node, the workers' metrics sampled.
    Path json = tmp.resolve("load.json");
    Path html = tmp.resolve("load.html");
    Path loadLog = tmp.resolve("load.log");
    int exit =
        stack.judge(
            loadLog,
            Duration.ofMinutes(5),
            "load",
            "--workload",
            TOP.resolve("examples/load/smoke.yaml").toString(),
            "--count",
            Integer.toString(LOAD_COUNT),
            "--concurrency",
            "2",
            "--bootstrap",
            bootstrap.replace(":" + kafkaPort, ":" + (kafkaPort + 2)),
            "--metrics",
            "http://127.0.0.1:" + httpPort + ",http://127.0.0.1:" + (httpPort + 1),
            "--out",
            json.toString(),
            "--report",
            html.toString());
    String output = Files.readString(loadLog);
    assertEquals(0, exit, output);
    LoadReport report = mapper.readValue(json.toFile(), LoadReport.class);
    assertEquals(LOAD_COUNT, report.sent(), output);
    assertEquals(LOAD_COUNT, report.measured(), output);
    assertEquals(0, report.wrong(), output);
    assertEquals(0, report.missing(), output);
    assertEquals(
        LOAD_COUNT, report.byNode().values().stream().mapToLong(LoadReport.Latency::count).sum());
    assertTrue(report.byVerdict().containsKey("AC") && report.latency().p50Ms() > 0, output);
    assertTrue(
        report.metrics().stream().anyMatch(m -> m.slots() == 1),
        "the workers' /q/metrics were sampled: " + report.metrics());
    assertTrue(Files.readString(html).contains("<svg "));
  }

  private static void submit(
      ClientSession kafka, ObjectMapper mapper, String source, Set<String> sent)
      throws IOException {
    for (int i = 0; i < PER_ROUND; i++) {
      String id = UUID.randomUUID().toString();
      Submission s =
          new Submission(
              Submission.SCHEMA_VERSION,
              id,
              "aplusb",
              null,
              "c",
              source,
              null,
              null,
              null,
              1,
              Instant.now(),
              null);
      kafka.submit(id, mapper.writeValueAsBytes(s));
      sent.add(id);
    }
  }

  private static void await(
      ClientSession kafka,
      ObjectMapper mapper,
      Set<String> sent,
      Map<String, VerdictEvent> verdicts)
      throws IOException {
    long deadline = System.nanoTime() + VERDICT_TIMEOUT.toNanos();
    while (!verdicts.keySet().containsAll(sent)) {
      assertTrue(
          System.nanoTime() < deadline,
          "verdicts for " + verdicts.size() + " of " + sent.size() + " submissions");
      for (TopicMessage m : kafka.poll(Duration.ofMillis(500))) {
        VerdictEvent v = mapper.readValue(m.value(), VerdictEvent.class);
        if (sent.contains(v.submissionId())) {
          verdicts.put(v.submissionId(), v);
        }
      }
    }
  }
}
