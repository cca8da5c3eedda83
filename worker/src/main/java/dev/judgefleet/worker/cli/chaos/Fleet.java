package dev.judgefleet.worker.cli.chaos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fleet {@code bin/judge up} runs, found from its data directory: worker N's pid in {@code
 * DATA/pids/worker-N.pid} and its HTTP port {@code HTTP + N-1}; each broker's pid in its data
 * directory's {@code broker.pid} ({@code DATA/kafka-N}, or {@code DATA/kafka} alone) and its port
 * in its {@code server.properties}. Sends signals to them and tells whether they serve.
 */
public final class Fleet {
  private static final Pattern WORKER_PID = Pattern.compile("worker-(\\d+)\\.pid");
  private static final Pattern BROKER_DIR = Pattern.compile("kafka(?:-(\\d+))?");
  private static final Pattern ADVERTISED =
      Pattern.compile("(?m)^advertised\\.listeners=PLAINTEXT://([^:\\s]+):(\\d+)\\s*$");
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final Path data;
  private final int httpPort;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(PROBE_TIMEOUT)
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  public Fleet(Path data, int httpPort) {
    this.data = data;
    this.httpPort = httpPort;
  }

  /** The workers' numbers, from their pid files. */
  public List<Integer> workers() throws IOException {
    return numbered(data.resolve("pids"), WORKER_PID, false);
  }

  /** The brokers' numbers (1 for a lone broker in DATA/kafka). */
  public List<Integer> brokers() throws IOException {
    return numbered(data, BROKER_DIR, true);
  }

  private static List<Integer> numbered(Path dir, Pattern name, boolean directories)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Integer> found = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        Matcher m = name.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p) == directories) {
          found.add(m.group(1) == null ? 1 : Integer.parseInt(m.group(1)));
        }
      }
    }
    found.sort(Comparator.naturalOrder());
    return found;
  }

  public Path workerPidFile(int n) {
    return data.resolve("pids").resolve("worker-" + n + ".pid");
  }

  public Path brokerDir(int n) {
    Path numbered = data.resolve("kafka-" + n);
    return Files.isDirectory(numbered) ? numbered : data.resolve("kafka");
  }

  /** The pid a pid file names, if the file can be read and holds one. */
  public static OptionalLong pid(Path pidFile) {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(pidFile).strip()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  public OptionalLong workerPid(int n) {
    return pid(workerPidFile(n));
  }

  public OptionalLong brokerPid(int n) {
    return pid(brokerDir(n).resolve("broker.pid"));
  }

  /** Whether the process runs (a zombie, dead but not yet reaped, does not). */
  public static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The state follows the command name, which is in parentheses and may hold spaces.
      String afterName = stat.substring(stat.lastIndexOf(')') + 2);
      return !afterName.startsWith("Z") && !afterName.startsWith("X");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Sends a signal (KILL, TERM, STOP, CONT) with kill(1). */
  public static void signal(long pid, String signal) throws IOException {
    Process kill =
        new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
            .redirectErrorStream(true)
            .start();
    try {
      String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (kill.waitFor() != 0) {
        throw new IOException("kill -s " + signal + " " + pid + " failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while signalling " + pid, e);
    }
  }

  public String workerUrl(int n) {
    return "http://127.0.0.1:" + (httpPort + n - 1);
  }

  /** Whether worker N runs and answers ready. */
  public boolean workerReady(int n) {
    OptionalLong pid = workerPid(n);
    if (pid.isEmpty() || !alive(pid.getAsLong())) {
      return false;
    }
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(URI.create(workerUrl(n) + "/q/health/ready"))
                  .timeout(PROBE_TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Whether broker N runs and accepts connections on its port. */
  public boolean brokerServing(int n) {
    OptionalLong pid = brokerPid(n);
    Optional<InetSocketAddress> address = brokerAddress(n);
    if (pid.isEmpty() || !alive(pid.getAsLong()) || address.isEmpty()) {
      return false;
    }
    try (Socket socket = new Socket()) {
      socket.connect(address.get(), (int) PROBE_TIMEOUT.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private Optional<InetSocketAddress> brokerAddress(int n) {
    try {
      Matcher m = ADVERTISED.matcher(Files.readString(brokerDir(n).resolve("server.properties")));
      return m.find()
          ? Optional.of(new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** What is not serving now, empty when every worker is ready and every broker serves. */
  public List<String> unhealthy() throws IOException {
    List<String> down = new ArrayList<>();
    for (int n : workers()) {
      if (!workerReady(n)) {
        down.add("worker " + n);
      }
    }
    for (int n : brokers()) {
      if (!brokerServing(n)) {
        down.add("broker " + n);
      }
    }
    return down;
  }
}
