package dev.judgefleet.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/judge as a newcomer types it, the packaged worker behind it: help starts nothing, a missing
 * broker or a wrong directory is one line, the language comes from the extension.
 */
class BinJudgeIT {
  private static final Path TOP = Path.of("..").toAbsolutePath().normalize();
  private static final Path BIN = TOP.resolve("bin/judge");
  private static final Path APLUSB_C =
      TOP.resolve("examples/problems/aplusb/submissions/accepted/aplusb.c");

  @TempDir Path tmp;

  /** What a run of bin/judge printed and how it ended. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  @BeforeAll
  static void packaged() {
    assumeTrue(
        Files.isRegularFile(Path.of("target", "quarkus-app", "quarkus-run.jar")),
        "bin/judge runs the packaged worker, built by `mvn package`");
  }

  private Result judge(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(BIN.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(TOP.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("bin/judge " + String.join(" ", args) + " did not end");
    }
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Result judge(String... args) throws Exception {
    return judge(Map.of(), args);
  }

  /** A loopback port nothing listens on: one just closed. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void upHelpPrintsTheHelpAndStartsNothing() throws Exception {
    int kafka = closedPort();
    Path data = tmp.resolve("data");
    Map<String, String> env = new HashMap<>();
    env.put("JUDGE_KAFKA_PORT", Integer.toString(kafka));
    env.put("JUDGE_HTTP_PORT", Integer.toString(closedPort()));
    env.put("JUDGE_DATA", data.toString());

    Result r = judge(env, "up", "--help");

    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("Usage: judge up"), r.toString());
    assertTrue(r.out().contains("JUDGE_HTTP_HOST"), r.toString());
    assertFalse(Files.exists(data), "judge up --help made its data directory");
    assertThrows(
        ConnectException.class,
        () -> new Socket().connect(new InetSocketAddress("127.0.0.1", kafka), 1000),
        "a broker listens after judge up --help");
    assertEquals(2, judge(env, "up", "--frobnicate").exit(), "an unknown argument to up");
    assertFalse(Files.exists(data), "judge up --frobnicate made its data directory");
  }

  @Test
  void serveHelpBootsNoWorker() throws Exception {
    Result r =
        judge(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + closedPort()), "serve", "--help");

    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("Usage: judge serve"), r.toString());
    assertEquals("", r.err(), "no worker, no connection warnings");
  }

  @Test
  void theTopLevelHelpListsUp() throws Exception {
    Result r = judge("--help");

    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("\n  up "), r.toString());
  }

  @Test
  void submitWithoutABrokerSaysSoInOneLine() throws Exception {
    int port = closedPort();

    Result r =
        judge(
            "submit",
            "--bootstrap",
            "127.0.0.1:" + port,
            "--problem",
            "aplusb",
            APLUSB_C.toString());

    assertEquals(1, r.exit(), r.toString());
    assertEquals("", r.out(), r.toString());
    assertEquals(
        "judge submit: no Kafka broker at 127.0.0.1:" + port + " (is `bin/judge up` running?)\n",
        r.err());
  }

  @Test
  void judgeOnADirectoryThatIsNoPackageSaysSo() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(home.resolve("notes.txt"), "hello\n");

    Result r = judge("judge", "--problem", home.toString(), APLUSB_C.toString());

    assertEquals(2, r.exit(), r.toString());
    assertTrue(
        r.err()
            .startsWith(
                "judge judge: problem home: "
                    + home
                    + ": is not a problem package (no problem.yaml, no data/)\n"),
        r.toString());
    assertTrue(r.err().contains("Try 'judge judge --help' for more information."), r.toString());
  }

  @Test
  void languagesReadsTheConfiguredLanguageFileWithoutQuarkus() throws Exception {
    Path file = tmp.resolve("languages.yaml");
    Files.writeString(file, "languages:\n  - {id: c, enabled: false}\n");

    Result r =
        judge(
            Map.of("JUDGE_JAVA_OPTS", "-Djudge.languages.file=" + file),
            "languages",
            "--all",
            "--json");

    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("\"id\" : \"cpp\""), r.toString());
    assertFalse(r.out().contains("\"id\" : \"c\""), r.toString());
  }

  @Test
  void runTakesTheLanguageFromTheExtension() throws Exception {
    assumeTrue(new UnixSystem().getUid() == 0, "the sandbox needs root");

    Result r =
        judge(
            "run",
            "--input",
            TOP.resolve("examples/run/aplusb.in").toString(),
            TOP.resolve("examples/run/aplusb.c").toString());

    assertEquals(0, r.exit(), r.toString());
    assertEquals("7\n", r.out(), r.toString());
  }
}
