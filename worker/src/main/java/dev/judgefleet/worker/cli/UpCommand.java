package dev.judgefleet.worker.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code judge up}: the local stack. bin/judge runs it (a broker is a process of its own); this
 * command gives it its place in the help and answers {@code judge up --help}.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Start the local stack: Kafka, a problem store and worker(s).",
      "Builds the worker on first use, starts a Kafka broker (KRaft) and an S3-compatible problem store (s3proxy) from Maven Central jars (no Docker), creates the topics, pushes the example problems to the store and starts the worker on it (with --brokers N, a KRaft cluster of N brokers; with --workers N, N workers in one consumer group). It reports ready once every worker passed its sandbox self-test, prepared its problems and holds its partitions of judge.submissions and judge.rejudges. Ctrl-C stops all three.",
      "Needs root (the sandbox creates namespaces and cgroups)."
    },
    footerHeading = "%nSettings (environment variables):%n",
    footer = {
      "  JUDGE_KAFKA_PORT  the broker's port (9092; its controller takes the next; broker N of a",
      "                    cluster takes 9092+2(N-1) and the next)",
      "  JUDGE_S3_PORT     the problem store's port (9000)",
      "  JUDGE_HTTP_PORT   the worker's health and metrics port (8080; worker N of a fleet 8080+N-1)",
      "  JUDGE_HTTP_HOST   the address they listen on (127.0.0.1; 0.0.0.0 for all)",
      "  JUDGE_DATA        the broker's and the store's data, the worker's state (var/)",
      "  JUDGE_PROBLEMS    the packages pushed to the store (examples/problems)"
    })
public final class UpCommand implements Callable<Integer> {
  // bin/judge reads these two itself; picocli checks them and documents them.
  @Option(
      names = "--brokers",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Kafka brokers (1..16, default 1): more than one form a KRaft cluster, with 3 replicas and"
              + " min.insync.replicas=2 on judge.submissions, judge.rejudges and judge.verdicts")
  int brokers;

  @Option(
      names = "--workers",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "workers (1..16, default 1): each with its own node name, state directory, uid block,"
              + " HTTP port and log (JUDGE_DATA/worker-N/)")
  int workers;

  @Override
  public Integer call() {
    System.err.println(
        "judge up: run it through bin/judge, which starts the broker and then the worker");
    return 2;
  }
}
