package dev.judgefleet.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/judge up --brokers 3 --workers 2} as an operator runs it: a real 3-broker KRaft
 * cluster and two workers (one slot each). One fleet serves both tests (starting one takes a minute
 * and more): first every verdict arrives after a broker is killed, and {@code judge load} runs a
 * workload through what is left; then {@code judge chaos} with small counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetIT {
  private static final Path TOP = UpStack.TOP;
  private static final Path APLUSB = TOP.resolve("examples/problems/aplusb");
  private static final Duration VERDICT_TIMEOUT = Duration.ofMinutes(5);
  private static final int PER_ROUND = 6;
  private static final int LOAD_COUNT = 10;

  @TempDir static Path tmp;
  private UpStack stack;

  @BeforeAll
  void startTheFleet() throws Exception {
    assumeTrue(new UnixSystem().getUid() == 0, "the sandbox needs root");
    assumeTrue(
        Files.isRegularFile(Path.of("target", "quarkus-app", "quarkus-run.jar")),
        "bin/judge runs the packaged worker, built by `mvn package`");
    // One problem keeps the workers' start (preparing problems) short (UpStack gives its time
    // limit: deriving it from the reference solutions would take each fresh fleet a minute).
    stack = UpStack.start(tmp, 3, 2);
  }

  @AfterAll
  void stopTheFleet() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void everyVerdictArrivesAfterABrokerIsKilled() throws Exception {
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

  /**
   * {@code judge chaos} with small counts: 2 worker SIGKILLs, 1 broker restart, 1 worker stopped
   * past its session timeout, 50 malformed records (an oversize one among them). judge up's
   * supervision starts the dead back, and the ledger must hold: nothing lost or wrong, exactly the
   * malformed records dead-lettered, no verdict for an unsent id, no stale override.
   */
  @Test
  @Order(2)
  void theFleetLosesNothingUnderKillsRestartsAStopAndMalformedRecords() throws Exception {
    Path json = tmp.resolve("chaos.json");
    Path html = tmp.resolve("chaos.html");
    Path output = tmp.resolve("chaos.log");
    int status =
        stack.judge(
            output,
            Duration.ofMinutes(10),
            "chaos",
            "--kills",
            "2",
            "--broker-restarts",
            "1",
            "--stops",
            "1",
            "--stop-for",
            "12s",
            "--malformed",
            "50",
            "--interval",
            "2s",
            "--settle",
            "10s",
            "--out",
            json.toString(),
            "--report",
            html.toString());
    String printed = Files.readString(output);
    assertEquals(0, status, printed + "\n--- judge up:\n" + stack.log());
    assertTrue(printed.contains("lost 0, wrong 0, duplicates "), printed);
    assertTrue(printed.contains(", dlq 50/50"), printed);
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    JsonNode summary = report.get("summary");
    assertEquals(0, summary.get("lost").asLong(), summary.toString());
    assertEquals(0, summary.get("wrong").asLong(), summary.toString());
    assertEquals(0, summary.get("unsent").asLong(), summary.toString());
    assertEquals(0, summary.get("stale").asLong(), summary.toString());
    assertEquals(50, summary.get("deadLettered").asLong(), summary.toString());
    assertTrue(summary.get("sent").asLong() > 0, summary.toString());
    assertTrue(report.get("faultFailure").isNull(), report.toString());
    Set<String> faults = new HashSet<>();
    report.get("faults").forEach(f -> faults.add(f.get("fault").asText()));
    assertEquals(Set.of("KILL_WORKER", "RESTART_BROKER", "STOP_WORKER"), faults);
    assertEquals(4, report.get("faults").size());
    assertTrue(stack.log().contains("died (status 137); starting it again"), stack.log());
    assertTrue(Files.readString(html).contains("judge chaos"));
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
