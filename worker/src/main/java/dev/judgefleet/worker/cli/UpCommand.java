package dev.judgefleet.worker.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code judge up}: the local stack. bin/judge runs it (a broker is a process of its own); this
 * command gives it its place in the help and answers {@code judge up --help}.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Start the local stack: a Kafka broker (KRaft) and one worker, until Ctrl-C.",
      "Builds the worker on first use, starts the broker from Maven Central jars (no Docker),",
      "creates the topics, starts the worker on examples/problems, and reports ready once the",
      "worker passed its sandbox self-test and holds its partitions of judge.submissions.",
      "Needs root (the sandbox creates namespaces and cgroups)."
    },
    footerHeading = "%nSettings (environment variables):%n",
    footer = {
      "  JUDGE_KAFKA_PORT   the broker's port (default 9092; its controller takes the next one)",
      "  JUDGE_HTTP_PORT    the worker's health and metrics port (default 8080)",
      "  JUDGE_HTTP_HOST    the address it listens on (default 127.0.0.1; 0.0.0.0 for every",
      "                     interface)",
      "  JUDGE_DATA         the broker's data and the worker's state (default var/ in the clone)",
      "  JUDGE_PROBLEMS     the problem packages (default examples/problems)"
    })
public final class UpCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println(
        "judge up: run it through bin/judge, which starts the broker and then the worker");
    return 2;
  }
}
