package dev.judgefleet.worker.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.security.auth.module.UnixSystem;
import dev.judgefleet.model.Phase;
import dev.judgefleet.model.ProgressEvent;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.model.VerdictReason;
import dev.judgefleet.worker.sandbox.IntegrationEngine;
import dev.judgefleet.worker.sandbox.Leftovers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker end to end: a real broker (in this JVM), the packaged worker in a process of its own,
 * submissions in, verdicts, progress and dead letters out; and a worker killed or stopped in the
 * middle of judging.
 */
class KafkaWorkerIT {
  private static final Duration VERDICT = Duration.ofSeconds(90);
  private static final String APLUSB_C =
      "#include <stdio.h>\nint main(){long long a,b;scanf(\"%lld %lld\",&a,&b);"
          + "printf(\"%lld\\n\",a+b);return 0;}\n";

  private static final TestTopics TOPICS = TestTopics.fresh();

  private static TestBroker broker;
  private static TestClient client;
  private static Path state;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(new UnixSystem().getUid() == 0, "needs root");
    assumeTrue(WorkerProcess.packaged(), "the packaged worker is built by `mvn package`");
    broker = new TestBroker();
    broker.createTopics(TOPICS);
    client = new TestClient(broker.bootstrap(), TOPICS);
    state = IntegrationEngine.stateDir().resolveSibling("it-state-kafka");
    Files.createDirectories(state);
  }

  @AfterAll
  static void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static String submission(
      String id, String problem, String language, String source, String extra) {
    return "{\"schemaVersion\":1,\"submissionId\":\""
        + id
        + "\",\"problemId\":\""
        + problem
        + "\",\"language\":\""
        + language
        + "\",\"source\":"
        + quote(source)
        + extra
        + "}";
  }

  private static String quote(String s) {
    try {
      return client.json.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static VerdictEvent verdict(String id) throws Exception {
    return client.json.readValue(client.verdict(id, VERDICT).value(), VerdictEvent.class);
  }

  /** a+b in C as three files on the wire: the main file, a header and a second unit. */
  private static String multiFile(String id) {
    String main =
        "#include <stdio.h>\n#include \"add.h\"\n"
            + "int main(void){long long a,b;scanf(\"%lld %lld\",&a,&b);"
            + "printf(\"%lld\\n\",add(a,b));}\n";
    String header = "long long add(long long a, long long b);\n";
    String unit = "#include \"add.h\"\nlong long add(long long a, long long b){return a+b;}\n";
    return "{\"schemaVersion\":1,\"submissionId\":\""
        + id
        + "\",\"problemId\":\"aplusb\",\"language\":\"c\",\"files\":["
        + file("sol.c", main)
        + ","
        + file("add.h", header)
        + ","
        + file("add.c", unit)
        + "]}";
  }

  private static String file(String name, String content) {
    return "{\"name\":\""
        + name
        + "\",\"contentBase64\":\""
        + Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8))
        + "\"}";
  }

  /** A Python program that sleeps, then answers, under a generous inline-test time limit. */
  private static String slow(String id, int seconds) {
    return submission(
        id,
        "scratch",
        "python3",
        "import time\ntime.sleep(" + seconds + ")\nprint(sum(map(int, input().split())))\n",
        ",\"limits\":{\"timeMs\":20000},\"tests\":[{\"name\":\"t1\",\"input\":\"1 2\\n\","
            + "\"answer\":\"3\\n\"}]");
  }

  @Test
  void judgesSubmissionsAndPublishesVerdictsProgressAndDeadLetters() throws Exception {
    List<Leftovers.UidBlock> uids;
    try (WorkerProcess worker =
        new WorkerProcess(
            broker.bootstrap(),
            TOPICS,
            state,
            2,
            "30s",
            List.of("-Djudge.problems.prepare=true"))) {
      worker.awaitReady(Duration.ofSeconds(180));
      // Ready means prepared: the custom validators built, aplusb's time limit derived.
      for (String problem : List.of("aplusb", "anyfactor", "guess")) {
        assertTrue(worker.log().contains("problem " + problem + " ready"), worker.log());
      }
      JsonNode readiness = client.json.readTree(worker.get("/q/health/ready").body());
      assertTrue(readiness.toString().contains(TOPICS.submissions() + "-"), readiness.toString());
      uids = worker.uids();
      assertEquals(200, worker.get("/q/health/live").statusCode());

      String ok = "ok-" + UUID.randomUUID();
      client.send(ok, submission(ok, "aplusb", "c", APLUSB_C, ""));
      // Garbage, and a valid-looking submission in a language nobody knows: both dead-lettered,
      // the second also answered with IE; then consumption goes on.
      client.send("garbage", "{not json at all".getBytes(StandardCharsets.UTF_8));
      String cobol = "cobol-" + UUID.randomUUID();
      client.send(cobol, submission(cobol, "aplusb", "cobol", "DISPLAY 'HI'.", ""));
      String unknown = "unknown-" + UUID.randomUUID();
      client.send(unknown, submission(unknown, "no-such-problem", "c", APLUSB_C, ""));
      String stale = "stale-" + UUID.randomUUID();
      client.send(
          stale,
          submission(stale, "aplusb", "c", APLUSB_C, ",\"problemVersion\":\"0123456789abcdef\""));
      String inline = "inline-" + UUID.randomUUID();
      client.send(
          inline,
          submission(
              inline,
              "scratch",
              "c",
              APLUSB_C,
              ",\"tests\":[{\"name\":\"t1\",\"input\":\"1 2\\n\",\"answer\":\"3\\n\"},"
                  + "{\"name\":\"t2\",\"input\":\"5 5\\n\",\"answer\":\"11\\n\"}]"));

      String files = "files-" + UUID.randomUUID();
      client.send(files, multiFile(files));
      // Reads one line; aplusb has a test with the numbers on two: a run-time error, and the jury
      // sees why.
      String oneLine = "one-line-" + UUID.randomUUID();
      client.send(
          oneLine,
          submission(
              oneLine,
              "aplusb",
              "python3",
              "a, b = map(int, input().split())\nprint(a + b)\n",
              ""));

      VerdictEvent accepted = verdict(ok);
      assertEquals(Verdict.AC, accepted.verdict(), accepted.toString());
      assertEquals("aplusb", accepted.problemId());
      assertTrue(accepted.tests().size() >= 7, accepted.toString());
      List<Phase> phases =
          client.all(TOPICS.progress(), ok).stream()
              .map(r -> read(r, ProgressEvent.class).phase())
              .distinct()
              .toList();
      assertEquals(List.of(Phase.ACCEPTED, Phase.COMPILING, Phase.RUNNING, Phase.DONE), phases);

      ConsumerRecord<String, byte[]> garbage =
          client.await(TOPICS.deadLetters(), r -> "garbage".equals(r.key()), VERDICT);
      assertEquals("{not json at all", new String(garbage.value(), StandardCharsets.UTF_8));
      assertNotNull(garbage.headers().lastHeader(Channels.HEADER_REASON));
      assertEquals(
          TOPICS.submissions(),
          new String(garbage.headers().lastHeader(Channels.HEADER_TOPIC).value()));

      client.await(TOPICS.deadLetters(), r -> cobol.equals(r.key()), VERDICT);
      VerdictEvent cobolVerdict = verdict(cobol);
      assertEquals(Verdict.IE, cobolVerdict.verdict());
      assertEquals(VerdictReason.INVALID_SUBMISSION, cobolVerdict.reason());
      assertTrue(cobolVerdict.message().contains("cobol"), cobolVerdict.message());

      VerdictEvent unknownVerdict = verdict(unknown);
      assertEquals(Verdict.IE, unknownVerdict.verdict());
      assertEquals(VerdictReason.UNKNOWN_PROBLEM, unknownVerdict.reason());
      assertTrue(unknownVerdict.message().contains("unknown problem"), unknownVerdict.message());
      VerdictEvent staleVerdict = verdict(stale);
      assertEquals(Verdict.IE, staleVerdict.verdict());
      assertEquals(VerdictReason.PROBLEM_VERSION_UNAVAILABLE, staleVerdict.reason());
      assertTrue(
          staleVerdict.message().contains("asked for 0123456789abcdef"), staleVerdict.message());

      VerdictEvent inlineVerdict = verdict(inline);
      assertEquals(Verdict.WA, inlineVerdict.verdict(), inlineVerdict.toString());
      assertEquals(
          List.of(Verdict.AC, Verdict.WA),
          inlineVerdict.tests().stream().map(t -> t.verdict()).toList());
      // Custom input echoes what the program printed; a problem's own tests never do.
      assertEquals("3\n", inlineVerdict.tests().get(0).stdout());
      assertEquals("10\n", inlineVerdict.tests().get(1).stdout());
      assertTrue(accepted.tests().stream().allMatch(t -> t.stdout() == null), accepted.toString());

      VerdictEvent filesVerdict = verdict(files);
      assertEquals(Verdict.AC, filesVerdict.verdict(), filesVerdict.toString());

      VerdictEvent oneLineVerdict = verdict(oneLine);
      assertEquals(Verdict.RE, oneLineVerdict.verdict(), oneLineVerdict.toString());
      assertNull(oneLineVerdict.reason());
      assertEquals("jury", oneLineVerdict.diagnostics().audience());
      assertTrue(
          oneLineVerdict.diagnostics().stderr().contains("ValueError"),
          oneLineVerdict.diagnostics().toString());
      assertNull(accepted.diagnostics());

      // Under load: one submission still running while /q/metrics is read.
      String busy = "busy-" + UUID.randomUUID();
      client.send(busy, slow(busy, 8));
      client.await(
          TOPICS.progress(),
          r -> busy.equals(r.key()) && read(r, ProgressEvent.class).phase() == Phase.RUNNING,
          VERDICT);
      PrometheusText metrics = PrometheusText.parse(worker.get("/q/metrics").body());
      for (String name : PrometheusText.namesInReadme(Path.of("..", "README.md"))) {
        List<PrometheusText.Sample> samples = metrics.samplesOf(name);
        assertTrue(!samples.isEmpty(), name + " is not in /q/metrics:\n" + metrics);
        for (PrometheusText.Sample sample : samples) {
          assertTrue(Double.isFinite(sample.value()), "not a number: " + sample);
        }
      }
      assertTrue(metrics.value("judge_slots_busy") >= 1, metrics.toString());
      assertEquals(2.0, metrics.value("judge_slots"), metrics.toString());
      assertTrue(metrics.value("judge_verdicts_total{language=\"c\",verdict=\"AC\"}") >= 2);
      assertTrue(metrics.value("judge_dead_letters_total") >= 2, metrics.toString());
      JsonNode ready = client.json.readTree(worker.get("/q/health/ready").body());
      assertEquals("UP", ready.get("status").asText());
      assertEquals(Verdict.AC, verdict(busy).verdict());
    }
    Leftovers.assertNoProcessesOrMounts(uids, state);
  }

  @Test
  void aWorkerKilledInTheMiddleOfJudgingLosesNothing() throws Exception {
    String id = "killed-" + UUID.randomUUID();
    try (WorkerProcess first = new WorkerProcess(broker.bootstrap(), TOPICS, state, 1, "30s")) {
      startJudging(first, id, 4);
      first.kill();
    }
    assertTrue(client.all(TOPICS.verdicts(), id).isEmpty(), "no verdict from the killed worker");
    try (WorkerProcess second = new WorkerProcess(broker.bootstrap(), TOPICS, state, 1, "30s")) {
      second.awaitReady(Duration.ofSeconds(90));
      VerdictEvent verdict = verdict(id);
      assertEquals(Verdict.AC, verdict.verdict(), verdict.toString());
    }
  }

  @Test
  void sigtermFinishesWhatIsInFlight() throws Exception {
    String id = "finished-" + UUID.randomUUID();
    try (WorkerProcess worker = new WorkerProcess(broker.bootstrap(), TOPICS, state, 1, "60s")) {
      startJudging(worker, id, 3);
      int exit = worker.terminate(Duration.ofSeconds(60));
      assertEquals(List.of(0, 143).contains(exit), true, "exit " + exit + "\n" + worker.log());
    }
    assertEquals(Verdict.AC, verdict(id).verdict());
  }

  @Test
  void sigtermHandsBackWhatItCannotFinish() throws Exception {
    String id = "handed-back-" + UUID.randomUUID();
    try (WorkerProcess worker = new WorkerProcess(broker.bootstrap(), TOPICS, state, 1, "1s")) {
      startJudging(worker, id, 8);
      worker.terminate(Duration.ofSeconds(30));
    }
    assertTrue(client.all(TOPICS.verdicts(), id).isEmpty(), "no verdict before the hand-back");
    assertTrue(client.all(TOPICS.deadLetters(), id).isEmpty(), "never dead-lettered");
    try (WorkerProcess next = new WorkerProcess(broker.bootstrap(), TOPICS, state, 1, "30s")) {
      next.awaitReady(Duration.ofSeconds(90));
      assertEquals(Verdict.AC, verdict(id).verdict());
    }
  }

  @Test
  void aNodeWhoseSandboxCannotStartStaysUpUnreadyAndTakesNothing() throws Exception {
    Optional<String> lacking = cgroupVersionTheHostLacks();
    assumeTrue(lacking.isPresent(), "this host offers both cgroup versions' controllers");
    String id = "unready-" + UUID.randomUUID();
    List<String> broken = List.of("-Djudge.sandbox.cgroup-version=" + lacking.get());
    try (WorkerProcess node =
        new WorkerProcess(broker.bootstrap(), TOPICS, state, 1, "30s", broken)) {
      HttpResponse<String> ready = node.awaitUnready(Duration.ofSeconds(90));
      assertTrue(ready.body().contains("cannot start"), ready.body());
      assertEquals(200, node.get("/q/health/live").statusCode(), "alive, only not ready");
      client.send(id, submission(id, "aplusb", "c", APLUSB_C, ""));
      // Out of the consumer group, it takes nothing: no progress, no verdict.
      Thread.sleep(8_000);
      assertTrue(node.alive(), node.log());
      assertTrue(client.all(TOPICS.progress(), id).isEmpty(), "no progress from an unready node");
      assertTrue(client.all(TOPICS.verdicts(), id).isEmpty(), "no verdict from an unready node");
      try (WorkerProcess healthy = new WorkerProcess(broker.bootstrap(), TOPICS, state, 1, "30s")) {
        healthy.awaitReady(Duration.ofSeconds(90));
        VerdictEvent verdict = verdict(id);
        assertEquals(Verdict.AC, verdict.verdict(), verdict.toString());
      }
      assertEquals(503, node.get("/q/health/ready").statusCode(), "still unready");
      int exit = node.terminate(Duration.ofSeconds(30));
      assertTrue(List.of(0, 143).contains(exit), "SIGTERM ends it: exit " + exit);
    }
  }

  /**
   * The cgroup version whose controllers this host lacks (v2 on a hybrid host whose unified
   * hierarchy holds no memory controller, v1 on a pure v2 host), if any.
   */
  private static Optional<String> cgroupVersionTheHostLacks() throws IOException {
    Path pureV2 = Path.of("/sys/fs/cgroup/cgroup.controllers");
    if (Files.exists(pureV2)) {
      return Files.readString(pureV2).contains("memory") ? Optional.of("v1") : Optional.empty();
    }
    Path unified = Path.of("/sys/fs/cgroup/unified/cgroup.controllers");
    if (Files.exists(unified) && Files.readString(unified).contains("memory")) {
      return Optional.empty();
    }
    return Optional.of("v2");
  }

  private static <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
    try {
      return client.json.readValue(record.value(), type);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends a submission that sleeps {@code seconds} in its one test; returns once it is running. */
  private void startJudging(WorkerProcess worker, String id, int seconds) throws Exception {
    worker.awaitReady(Duration.ofSeconds(90));
    client.send(id, slow(id, seconds));
    client.await(
        TOPICS.progress(),
        r -> id.equals(r.key()) && read(r, ProgressEvent.class).phase() == Phase.RUNNING,
        VERDICT);
  }
}
