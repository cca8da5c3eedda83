package dev.judgefleet.worker.problem.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for the tests: s3proxy (its filesystem backend) in a process of its
 * own, from the jar the build copies to target/s3proxy/, on a port and data directory that survive
 * a {@link #stop()} and {@link #start()}, so a test can take the store away and bring it back.
 */
public final class S3ProxyProcess implements AutoCloseable {
  private static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");
  public static final String ACCESS_KEY = "judgefleet-test";
  public static final String SECRET_KEY = "judgefleet-test-secret";
  public static final String BUCKET = "judgefleet-problems";

  private final Path dataDir;
  private final int port;
  private Process process;

  public S3ProxyProcess(Path dataDir) throws IOException {
    this.dataDir = dataDir;
    this.port = freePort();
    Files.createDirectories(dataDir.resolve("buckets"));
    Files.writeString(
        dataDir.resolve("s3proxy.conf"),
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            "jclouds.provider=filesystem-nio2",
            "jclouds.identity=" + ACCESS_KEY,
            "jclouds.credential=" + SECRET_KEY,
            "jclouds.filesystem.basedir=" + dataDir.resolve("buckets"),
            ""));
  }

  public static boolean available() {
    return Files.isRegularFile(JAR);
  }

  /** Starts the server and waits until it answers HTTP. */
  public S3ProxyProcess start() throws IOException, InterruptedException {
    process =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-DLOG_LEVEL=warn",
                    "-jar",
                    JAR.toAbsolutePath().toString(),
                    "--properties",
                    dataDir.resolve("s3proxy.conf").toString()))
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dataDir.resolve("s3proxy.log").toFile()))
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "s3proxy exited:\n" + Files.readString(dataDir.resolve("s3proxy.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return this;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("s3proxy did not listen on " + port + " within 60 s");
  }

  /** Kills the server (SIGKILL: an outage, not a maintenance window). */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** Settings for a client of this server (or of a proxy in front of it, at {@code endpoint}). */
  public StoreSettings settings(URI endpoint, String prefix) {
    return new StoreSettings(
        Optional.of(endpoint),
        BUCKET,
        "us-east-1",
        true,
        prefix,
        Optional.of(ACCESS_KEY),
        Optional.of(SECRET_KEY),
        Optional.empty(),
        Duration.ofSeconds(2),
        Duration.ofSeconds(10));
  }

  public StoreSettings settings() {
    return settings(endpoint(), "");
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
