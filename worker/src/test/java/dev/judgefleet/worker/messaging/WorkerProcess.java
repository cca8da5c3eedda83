package dev.judgefleet.worker.messaging;

import dev.judgefleet.worker.sandbox.Leftovers;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The worker as production runs it: the packaged jar with the "serve" profile, in a process of its
 * own, so a test can kill it with SIGKILL or stop it with SIGTERM.
 */
final class WorkerProcess implements AutoCloseable {
  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

  private final Process process;
  private final int httpPort;
  private final Path log;
  private final Path stateDir;

  WorkerProcess(String bootstrap, TestTopics topics, Path stateDir, int slots, String grace)
      throws IOException {
    this(bootstrap, topics, stateDir, slots, grace, List.of());
  }

  /**
   * With more configuration, as {@code -Dkey=value} arguments ({@code properties}). It leaves its
   * problems to their first submissions (a faster start) unless they say {@code
   * -Djudge.problems.prepare=true}.
   */
  WorkerProcess(
      String bootstrap,
      TestTopics topics,
      Path stateDir,
      int slots,
      String grace,
      List<String> properties)
      throws IOException {
    this.stateDir = stateDir;
    httpPort = freePort();
    log = Files.createTempFile("worker", ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=serve",
                "-Djudge.sandbox.state-dir=" + stateDir,
                "-Djudge.problems.root=" + Path.of("..", "examples", "problems").toAbsolutePath(),
                "-Djudge.worker.slots=" + slots,
                "-Djudge.worker.shutdown-grace=" + grace,
                "-Djudge.problems.prepare=false"));
    command.addAll(topics.properties());
    // Later -D arguments win.
    command.addAll(properties);
    command.addAll(List.of("-jar", JAR.toString(), "serve"));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
    builder.environment().put("JUDGE_HTTP_PORT", Integer.toString(httpPort));
    process = builder.start();
  }

  static boolean packaged() {
    return Files.isRegularFile(JAR);
  }

  /**
   * Waits until /q/health/ready answers 200 (sandbox self-test passed, Kafka reachable, the
   * consumer's partitions assigned, the problems prepared when asked).
   */
  void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the worker died:\n" + log());
      }
      try {
        if (get("/q/health/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the worker did not become ready:\n" + log());
  }

  /**
   * Waits until /q/health/ready answers 503 with a failed self-test (not the "not run yet" of a
   * worker still starting); returns that answer.
   */
  HttpResponse<String> awaitUnready(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the worker died:\n" + log());
      }
      try {
        HttpResponse<String> ready = get("/q/health/ready");
        if (ready.statusCode() == 503 && ready.body().contains("failed")) {
          return ready;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the worker did not report a failed self-test:\n" + log());
  }

  boolean alive() {
    return process.isAlive();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** The uids this worker's programs run as, from its uid file (once it is ready). */
  List<Leftovers.UidBlock> uids() throws IOException {
    List<Leftovers.UidBlock> blocks = Leftovers.uidBlocksIn(stateDir, process.pid());
    if (blocks.isEmpty()) {
      throw new IllegalStateException(
          "worker " + process.pid() + " wrote no uid file in " + stateDir);
    }
    return blocks;
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook, no cleanup, as when a node dies. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, and the exit code once it is gone. */
  int terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the worker did not stop on SIGTERM:\n" + log());
    }
    return process.exitValue();
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
