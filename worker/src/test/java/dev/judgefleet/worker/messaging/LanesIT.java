package dev.judgefleet.worker.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import dev.judgefleet.model.Phase;
import dev.judgefleet.model.ProgressEvent;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.worker.sandbox.IntegrationEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two lanes and the compile cache with a real broker and the packaged worker on one slot: a
 * live submission overtakes a queue of rejudges, and a rejudge of code compiled before takes the
 * program from the cache and gets the same verdict.
 */
class LanesIT {
  private static final Duration VERDICT = Duration.ofSeconds(120);
  private static final TestTopics TOPICS = TestTopics.fresh();

  private static TestBroker broker;
  private static TestClient client;
  private static WorkerProcess worker;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(new UnixSystem().getUid() == 0, "needs root");
    assumeTrue(WorkerProcess.packaged(), "the packaged worker is built by `mvn package`");
    broker = new TestBroker();
    broker.createTopics(TOPICS);
    client = new TestClient(broker.bootstrap(), TOPICS);
    Path state = IntegrationEngine.stateDir().resolveSibling("it-state-lanes");
    Files.createDirectories(state);
    // A fresh cache: the hit below must come from this run's own compile.
    Path cache = Files.createTempDirectory("lanes-compile-cache");
    worker =
        new WorkerProcess(
            broker.bootstrap(),
            TOPICS,
            state,
            1,
            "10s",
            List.of("-Djudge.compile-cache.dir=" + cache));
    worker.awaitReady(TestBroker.startTimeout());
  }

  @AfterAll
  static void stop() throws Exception {
    if (worker != null) {
      worker.close();
    }
    if (client != null) {
      client.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static void rejudge(String id, String json) throws Exception {
    client.send(TOPICS.rejudges(), id, json.getBytes(StandardCharsets.UTF_8));
  }

  private static String submission(
      String id, String problem, String language, String source, String extra) throws Exception {
    return "{\"schemaVersion\":1,\"submissionId\":\""
        + id
        + "\",\"problemId\":\""
        + problem
        + "\",\"language\":\""
        + language
        + "\",\"source\":"
        + client.json.writeValueAsString(source)
        + extra
        + "}";
  }

  /** A Python program that sleeps a while, then answers: a rejudge that holds the slot. */
  private static String slow(String id) throws Exception {
    return submission(
        id,
        "scratch",
        "python3",
        "import time\ntime.sleep(1.5)\nprint(sum(map(int, input().split())))\n# " + id + "\n",
        ",\"limits\":{\"timeMs\":20000},\"tests\":[{\"name\":\"t1\",\"input\":\"1 2\\n\","
            + "\"answer\":\"3\\n\"}]");
  }

  private static String aplusb(String id, String marker) throws Exception {
    return submission(
        id,
        "aplusb",
        "c",
        "#include <stdio.h>\n/* "
            + marker
            + " */\nint main(){long long a,b;scanf(\"%lld %lld\",&a,&b);"
            + "printf(\"%lld\\n\",a+b);return 0;}\n",
        "");
  }

  private static VerdictEvent read(ConsumerRecord<String, byte[]> r) throws Exception {
    return client.json.readValue(r.value(), VerdictEvent.class);
  }

  @Test
  void aLiveSubmissionOvertakesQueuedRejudges() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> rejudges = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String id = "rejudge-" + run + "-" + i;
      rejudges.add(id);
      rejudge(id, slow(id));
    }
    // The slot is busy with the first rejudge before the live submission comes.
    client.await(
        TOPICS.progress(),
        r -> rejudges.contains(r.key()) && readProgress(r).phase() == Phase.RUNNING,
        VERDICT);
    String live = "live-" + run;
    client.send(live, aplusb(live, run));

    ConsumerRecord<String, byte[]> liveVerdict = client.verdict(live, VERDICT);
    assertEquals(Verdict.AC, read(liveVerdict).verdict());
    List<Long> rejudgeTimes = new ArrayList<>();
    for (String id : rejudges) {
      ConsumerRecord<String, byte[]> v = client.verdict(id, VERDICT);
      assertEquals(Verdict.AC, read(v).verdict(), id);
      rejudgeTimes.add(v.timestamp());
    }
    long before = rejudgeTimes.stream().filter(t -> t <= liveVerdict.timestamp()).count();
    // The rejudge on the slot when it came, and at most the one granted as that one finished
    // before the live submission was fetched: the other six wait.
    assertTrue(before <= 2, before + " of 8 rejudges were judged before the live submission");
  }

  @Test
  void aRejudgeOfCodeCompiledBeforeTakesItFromTheCache() throws Exception {
    String marker = UUID.randomUUID().toString();
    String first = "first-" + marker;
    client.send(first, aplusb(first, marker));
    VerdictEvent compiled = read(client.verdict(first, VERDICT));
    assertEquals(Verdict.AC, compiled.verdict());
    double hits = metric("judge_compile_cache_hits_total");

    String again = "again-" + marker;
    rejudge(again, aplusb(again, marker));
    VerdictEvent cached = read(client.verdict(again, VERDICT));

    assertEquals(compiled.verdict(), cached.verdict());
    assertEquals(compiled.tests().size(), cached.tests().size());
    assertEquals(hits + 1, metric("judge_compile_cache_hits_total"));
    assertEquals(0, cached.compile().timeMs(), "nothing was compiled: " + cached.compile());
    assertTrue(metric("judge_compile_cache_bytes") > 0);
  }

  private static double metric(String series) throws Exception {
    return PrometheusText.parse(worker.get("/q/metrics").body()).value(series);
  }

  private static ProgressEvent readProgress(ConsumerRecord<String, byte[]> r) {
    try {
      return client.json.readValue(r.value(), ProgressEvent.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
