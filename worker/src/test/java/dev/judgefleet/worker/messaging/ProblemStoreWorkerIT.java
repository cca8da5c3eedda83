package dev.judgefleet.worker.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.worker.problem.store.ObjectStore;
import dev.judgefleet.worker.problem.store.PackageCache;
import dev.judgefleet.worker.problem.store.ProblemAnnouncement;
import dev.judgefleet.worker.problem.store.ProblemPublisher;
import dev.judgefleet.worker.problem.store.S3ProxyProcess;
import dev.judgefleet.worker.problem.store.UnpackLimits;
import dev.judgefleet.worker.sandbox.IntegrationEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker on the fleet's problem store: a real broker (in this JVM), a real S3 server (s3proxy,
 * a process), the packaged worker in a process. A push is announced and prefetched; a pinned
 * version is judged on the content it pins; and while the store is killed under load, submissions
 * for a cached problem keep being judged and those for an uncached one wait, uncommitted and never
 * IE, until the store is back.
 */
class ProblemStoreWorkerIT {
  private static final Duration VERDICT = Duration.ofSeconds(120);
  private static final Path FLOATSUM = Path.of("..", "examples", "problems", "floatsum");

  @TempDir Path temp;

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /** floatsum under another id (and, with {@code extra}, one more test). */
  private Path problem(String id, String extra) throws IOException {
    Path dir = temp.resolve("packages-" + UUID.randomUUID()).resolve(id);
    copyTree(FLOATSUM, dir);
    if (extra != null) {
      Files.writeString(dir.resolve("data/secret/zz.in"), "2\n" + extra + " " + extra + "\n");
      Files.writeString(dir.resolve("data/secret/zz.ans"), extra + "\n");
    }
    return dir;
  }

  private static String submission(String id, String problem, String pin) throws IOException {
    String source = Files.readString(FLOATSUM.resolve("submissions/accepted/average_sci.py"));
    return "{\"schemaVersion\":1,\"submissionId\":\""
        + id
        + "\",\"problemId\":\""
        + problem
        + "\",\"language\":\"python3\",\"source\":"
        + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(source)
        + (pin == null ? "" : ",\"problemVersion\":\"" + pin + "\"")
        + "}";
  }

  private static void announce(TestClient client, ProblemPublisher.Pushed pushed) throws Exception {
    client.send(
        client.topics().problems(),
        pushed.problemId(),
        ProblemAnnouncement.of(pushed.problemId(), pushed.version()).json());
  }

  @Test
  void judgesFromTheStoreAndLosesNothingWhileTheStoreIsDown() throws Exception {
    assumeTrue(new UnixSystem().getUid() == 0, "needs root");
    assumeTrue(WorkerProcess.packaged(), "the packaged worker is built by `mvn package`");
    assumeTrue(S3ProxyProcess.available(), "s3proxy is copied by `mvn verify`");
    Path state = IntegrationEngine.stateDir().resolveSibling("it-state-store");
    Files.createDirectories(state);
    TestTopics topics = TestTopics.fresh();
    try (TestBroker broker = new TestBroker();
        S3ProxyProcess s3 = new S3ProxyProcess(temp.resolve("s3")).start();
        ObjectStore store = ObjectStore.connect(s3.settings())) {
      broker.createTopics(topics);
      store.createBucketIfMissing();
      ProblemPublisher publisher =
          new ProblemPublisher(store, UnpackLimits.DEFAULTS, Clock.systemUTC());
      ProblemPublisher.Pushed cached = publisher.push(problem("avg", null), "it@test");
      ProblemPublisher.Pushed uncached = publisher.push(problem("avg-later", null), "it@test");
      try (TestClient client = new TestClient(broker.bootstrap(), topics)) {
        announce(client, cached);
        List<String> properties =
            List.of(
                "-Djudge.problems.store.enabled=true",
                "-Djudge.problems.store.endpoint=" + s3.endpoint(),
                "-Djudge.problems.store.bucket=" + S3ProxyProcess.BUCKET,
                "-Djudge.problems.store.access-key=" + S3ProxyProcess.ACCESS_KEY,
                "-Djudge.problems.store.secret-key=" + S3ProxyProcess.SECRET_KEY,
                "-Djudge.problems.store.retries=2",
                "-Djudge.problems.store.backoff=200ms",
                "-Djudge.problems.store.connect-timeout=500ms",
                "-Djudge.problems.cache.dir=" + temp.resolve("cache"));
        try (WorkerProcess worker =
            new WorkerProcess(broker.bootstrap(), topics, state, 2, "30s", properties)) {
          worker.awaitReady(Duration.ofSeconds(120));

          // The announced version was prefetched; the first submission is judged on it.
          String first = "first-" + UUID.randomUUID();
          client.send(first, submission(first, "avg", null));
          VerdictEvent firstVerdict = verdict(client, first);
          assertEquals(Verdict.AC, firstVerdict.verdict(), firstVerdict.toString());
          assertEquals(cached.version().contentVersion(), firstVerdict.problemVersion());
          assertTrue(
              worker.log().contains("package cache: fetched avg " + cached.version().digest()),
              worker.log());

          // The store dies under load.
          s3.stop();
          List<String> fromCache = new ArrayList<>();
          List<String> waiting = new ArrayList<>();
          for (int i = 0; i < 6; i++) {
            String id = "cached-" + i + "-" + UUID.randomUUID();
            fromCache.add(id);
            client.send(id, submission(id, "avg", null));
            if (i % 3 == 0) {
              String w = "waiting-" + i + "-" + UUID.randomUUID();
              waiting.add(w);
              client.send(w, submission(w, "avg-later", null));
            }
          }
          for (String id : fromCache) {
            VerdictEvent v = verdict(client, id);
            assertEquals(Verdict.AC, v.verdict(), "judged from the cache: " + v);
          }
          Thread.sleep(3000);
          for (String id : waiting) {
            assertEquals(
                List.of(),
                client.all(topics.verdicts(), id),
                "no verdict while the store is down (it waits; never IE)");
          }
          assertTrue(worker.log().contains("waits for the problem store"), worker.log());

          // The store comes back: the waiting submissions are judged, on the right version.
          s3.start();
          for (String id : waiting) {
            VerdictEvent v = verdict(client, id);
            assertEquals(Verdict.AC, v.verdict(), v.toString());
            assertEquals(uncached.version().contentVersion(), v.problemVersion());
          }

          // A push while the worker runs: announced, prefetched before any submission asks.
          ProblemPublisher.Pushed next = publisher.push(problem("avg", "7"), "it@test");
          announce(client, next);
          String fetched = "package cache: fetched avg " + next.version().digest();
          long deadline = System.nanoTime() + VERDICT.toNanos();
          while (!worker.log().contains(fetched) && System.nanoTime() < deadline) {
            Thread.sleep(100);
          }
          assertTrue(worker.log().contains(fetched), "prefetched:\n" + worker.log());
          String latest = "latest-" + UUID.randomUUID();
          client.send(latest, submission(latest, "avg", null));
          String pinned = "pinned-" + UUID.randomUUID();
          client.send(pinned, submission(pinned, "avg", cached.version().contentVersion()));
          VerdictEvent latestVerdict = verdict(client, latest);
          assertEquals(Verdict.AC, latestVerdict.verdict(), latestVerdict.toString());
          assertEquals(next.version().contentVersion(), latestVerdict.problemVersion());
          assertTrue(latestVerdict.tests().stream().anyMatch(t -> t.name().endsWith("zz")));
          VerdictEvent pinnedVerdict = verdict(client, pinned);
          assertEquals(Verdict.AC, pinnedVerdict.verdict(), pinnedVerdict.toString());
          assertEquals(cached.version().contentVersion(), pinnedVerdict.problemVersion());

          // An unknown problem is still IE, with a clear message.
          String unknown = "unknown-" + UUID.randomUUID();
          client.send(unknown, submission(unknown, "no-such-problem", null));
          VerdictEvent unknownVerdict = verdict(client, unknown);
          assertEquals(Verdict.IE, unknownVerdict.verdict());
          assertTrue(
              unknownVerdict.message().contains("unknown problem 'no-such-problem'")
                  && unknownVerdict.message().contains("in the problem store"),
              unknownVerdict.message());
        }
      }
    } finally {
      PackageCache.deleteTree(temp.resolve("cache"));
    }
  }

  private static VerdictEvent verdict(TestClient client, String id) throws Exception {
    return client.json.readValue(client.verdict(id, VERDICT).value(), VerdictEvent.class);
  }
}
