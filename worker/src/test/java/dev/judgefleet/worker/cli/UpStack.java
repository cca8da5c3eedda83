package dev.judgefleet.worker.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code bin/judge up} the test starts on free ports, with aplusb alone as its problems (its time
 * limit given, so no fresh stack derives it), and stops with SIGTERM as Ctrl-C would; and {@code
 * bin/judge} commands run against it.
 */
final class UpStack implements AutoCloseable {
  static final Path TOP = Path.of("..").toAbsolutePath().normalize();
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

  final Path data;
  final int kafkaPort;
  final int httpPort;
  final int brokers;
  private final Path log;
  private final Process up;

  private UpStack(Path tmp, int brokers, int workers) throws Exception {
    this.brokers = brokers;
    kafkaPort = freeRange(2 * brokers);
    httpPort = freeRange(workers);
    int s3Port = freeRange(1);
    data = tmp.resolve("data");
    Path problems = Files.createDirectories(tmp.resolve("problems"));
    copyWithTimeLimit(TOP.resolve("examples/problems/aplusb"), problems.resolve("aplusb"));
    log = tmp.resolve("up.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                TOP.resolve("bin/judge").toString(),
                "up",
                "--brokers",
                Integer.toString(brokers),
                "--workers",
                Integer.toString(workers))
            .directory(TOP.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("JUDGE_DATA", data.toString());
    env.put("JUDGE_KAFKA_PORT", Integer.toString(kafkaPort));
    env.put("JUDGE_HTTP_PORT", Integer.toString(httpPort));
    env.put("JUDGE_S3_PORT", Integer.toString(s3Port));
    env.put("JUDGE_PROBLEMS", problems.toString());
    env.put("JUDGE_JAVA_OPTS", "-Djudge.worker.slots=1");
    up = builder.start();
  }

  /** Starts the stack and waits until it is ready. */
  static UpStack start(Path tmp, int brokers, int workers) throws Exception {
    UpStack stack = new UpStack(tmp, brokers, workers);
    try {
      stack.awaitReady();
    } catch (Exception | AssertionError e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  String bootstrap() {
    List<String> servers = new ArrayList<>();
    for (int i = 0; i < brokers; i++) {
      servers.add("127.0.0.1:" + (kafkaPort + 2 * i));
    }
    return String.join(",", servers);
  }

  String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /**
   * Runs {@code bin/judge ARGS} against the stack (its data directory, ports and brokers in the
   * environment); returns its exit status, its output in {@code output}.
   */
  int judge(Path output, Duration timeout, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(TOP.resolve("bin/judge").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(TOP.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("JUDGE_DATA", data.toString());
    builder.environment().put("JUDGE_HTTP_PORT", Integer.toString(httpPort));
    builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap());
    Process p = builder.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("bin/judge " + String.join(" ", args) + " ran over " + timeout);
    }
    return p.exitValue();
  }

  /** SIGTERM, as Ctrl-C: judge up stops its workers, the store and every broker. */
  @Override
  public void close() throws Exception {
    if (up.isAlive()) {
      up.destroy();
      if (!up.waitFor(3, TimeUnit.MINUTES)) {
        up.destroyForcibly();
      }
    }
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!log().contains("judge up: ready.")) {
      if (!up.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("judge up did not become ready:\n" + log());
      }
      Thread.sleep(500);
    }
  }

  private static void copyWithTimeLimit(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    Path yaml = to.resolve("problem.yaml");
    String text = Files.readString(yaml);
    assertTrue(text.contains("\nlimits:\n"), text);
    Files.writeString(yaml, text.replace("\nlimits:\n", "\nlimits:\n  time_limit: 1.0\n"));
  }

  /** The first of {@code n} consecutive loopback ports nothing listens on, from a random start. */
  private static int freeRange(int n) throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(20000, 40000);
      boolean free = true;
      for (int p = first; p < first + n && free; p++) {
        free = isFree(p);
      }
      if (free) {
        return first;
      }
    }
    throw new IOException("no " + n + " consecutive free loopback ports");
  }

  private static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
