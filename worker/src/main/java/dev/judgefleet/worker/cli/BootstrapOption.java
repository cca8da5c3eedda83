package dev.judgefleet.worker.cli;

import picocli.CommandLine.Option;

/** {@code --bootstrap}, for the commands that reach Kafka as a client (a picocli mixin). */
public final class BootstrapOption {
  @Option(
      names = "--bootstrap",
      paramLabel = "HOST:PORT",
      description =
          "Kafka bootstrap servers (default: KAFKA_BOOTSTRAP_SERVERS, else localhost:9092)")
  String servers;

  /** The servers given on the command line, else {@code configured} (kafka.bootstrap.servers). */
  String or(String configured) {
    return servers != null ? servers : configured;
  }
}
