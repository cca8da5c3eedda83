package dev.judgefleet.worker.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.judgefleet.model.WireJson;
import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.cli.chaos.ChaosHtml;
import dev.judgefleet.worker.cli.chaos.ChaosLedger;
import dev.judgefleet.worker.cli.chaos.ChaosReport;
import dev.judgefleet.worker.cli.chaos.ChaosRun;
import dev.judgefleet.worker.cli.chaos.FaultInjector;
import dev.judgefleet.worker.cli.chaos.Fleet;
import dev.judgefleet.worker.cli.chaos.MalformedMessages;
import dev.judgefleet.worker.cli.load.LoadGenerator;
import dev.judgefleet.worker.cli.load.LoadReport;
import dev.judgefleet.worker.cli.load.Workload;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code judge chaos}: faults injected into a fleet {@code bin/judge up} runs, under a steady load
 * of checked submissions with malformed records mixed in, and a ledger that proves nothing was
 * lost, judged wrong, invented or overridden by a stale worker, and that exactly the malformed
 * records were dead-lettered.
 */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description = {
      "Inject faults into a running fleet under load; check every verdict.",
      "Runs against a fleet started by `bin/judge up --brokers 3 --workers N`: under a steady load (a --workload, closed loop by default), SIGKILL a random worker --kills times (judge up starts it again), restart a random broker --broker-restarts times, SIGSTOP a worker past its session timeout and resume it --stops times, and mix --malformed records (bad JSON, schema violations, oversize) into the load. Each fault waits until the whole fleet serves again.",
      "At the end it checks: every valid submission has a verdict, each the expected one; no verdict for an id it did not send; exactly the malformed records on the dead-letter topic; duplicates (other judgings of the same submission) counted; no submission's last verdict comes from a judging older than another of it (a stale worker). Prints `lost 0, wrong 0, duplicates K, dlq M/M`; exit 0 only if every check held and every fault was recovered from.",
      "The fleet is found from --data (JUDGE_DATA, else var): worker pids in DATA/pids/worker-N.pid, worker N's HTTP port JUDGE_HTTP_PORT+N-1, brokers in DATA/kafka-N.",
      "Kafka: KAFKA_BOOTSTRAP_SERVERS or --bootstrap."
    })
public final class ChaosCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Inject WorkerConfig config;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String defaultBootstrap;

  @Option(
      names = "--workload",
      paramLabel = "FILE",
      defaultValue = "examples/load/smoke.yaml",
      description = "the valid submissions' mix (YAML, as judge load's; default: ${DEFAULT-VALUE})")
  Path workloadFile;

  @ArgGroup(exclusive = true)
  Loop loop;

  static final class Loop {
    @Option(names = "--rate", paramLabel = "R", description = "open loop: R submissions a second")
    Double rate;

    @Option(
        names = "--concurrency",
        paramLabel = "C",
        description = "closed loop: C submissions in flight (default: 2)")
    Integer concurrency;
  }

  @Option(names = "--kills", defaultValue = "20", description = "worker SIGKILLs (default: 20)")
  int kills;

  @Option(
      names = "--broker-restarts",
      defaultValue = "3",
      description = "broker restarts (default: 3)")
  int brokerRestarts;

  @Option(
      names = "--stops",
      defaultValue = "1",
      description = "workers stopped past their session timeout, then resumed (default: 1)")
  int stops;

  @Option(
      names = "--stop-for",
      defaultValue = "20s",
      paramLabel = "DURATION",
      description =
          "how long a worker stays stopped; longer than its session timeout (10 s) (default: 20s)")
  String stopFor;

  @Option(
      names = "--malformed",
      defaultValue = "1000",
      description = "malformed records to mix in (default: 1000)")
  long malformed;

  @Option(
      names = "--malformed-rate",
      defaultValue = "20",
      paramLabel = "R",
      description = "malformed records a second (default: 20)")
  double malformedRate;

  @Option(
      names = "--max-message",
      defaultValue = "8m",
      paramLabel = "SIZE",
      description =
          "the workers' judge.policy.max-message: an oversize record is 1 KiB over it (default: 8m)")
  String maxMessage;

  @Option(
      names = "--interval",
      defaultValue = "5s",
      paramLabel = "DURATION",
      description = "pause between the fleet serving again and the next fault (default: 5s)")
  String interval;

  @Option(
      names = "--recovery-timeout",
      defaultValue = "300s",
      paramLabel = "DURATION",
      description = "how long the fleet has to serve again after a fault (default: 300s)")
  String recoveryTimeout;

  @Option(
      names = "--settle",
      defaultValue = "15s",
      paramLabel = "DURATION",
      description =
          "how long to keep reading once everything is sent, for late verdicts (default: 15s)")
  String settle;

  @Option(
      names = "--timeout",
      defaultValue = "600s",
      paramLabel = "DURATION",
      description = "how long to wait for the verdicts once all are sent (default: 600s)")
  String timeout;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the mix and of the faults")
  long seed;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "the fleet's data directory (default: JUDGE_DATA, else var)")
  Path data;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description = "worker 1's HTTP port (default: JUDGE_HTTP_PORT, else 8080)")
  Integer httpPort;

  @Mixin BootstrapOption bootstrap;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Option(names = "--out", paramLabel = "FILE", description = "write the report as JSON to FILE")
  Path out;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "write a self-contained HTML report to FILE")
  Path report;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Duration drain = Units.duration(spec, "--timeout", timeout);
    Duration settleTime = Units.duration(spec, "--settle", settle);
    FaultInjector.Settings faultSettings =
        new FaultInjector.Settings(
            Units.duration(spec, "--interval", interval),
            Units.duration(spec, "--stop-for", stopFor),
            Units.duration(spec, "--recovery-timeout", recoveryTimeout));
    long maxMessageBytes = Units.bytes(spec, "--max-message", maxMessage);
    if (kills < 0 || brokerRestarts < 0 || stops < 0 || malformed < 0 || !(malformedRate > 0)) {
      throw new ParameterException(
          spec.commandLine(), "the counts must not be negative, the rate must be positive");
    }
    Workload workload = StackArguments.workload(spec, workloadFile);
    Path dataDir = StackArguments.dataDir(data);
    int port =
        httpPort != null
            ? httpPort
            : Integer.parseInt(StackArguments.env("JUDGE_HTTP_PORT", "8080"));
    Fleet fleet = new Fleet(dataDir, port);
    PrintStream err = System.err;
    if (fleet.workers().isEmpty()) {
      err.println(
          "judge chaos: no worker pid files under "
              + dataDir.resolve("pids")
              + " (is `bin/judge up` running with JUDGE_DATA="
              + dataDir
              + "?)");
      return 1;
    }
    WorkerConfig.Topics topics = config.worker().topics();
    LoadGenerator generator =
        new LoadGenerator(
            new LoadGenerator.Settings(
                workload,
                loop == null ? null : loop.rate,
                loop == null || loop.concurrency == null ? 2 : loop.concurrency,
                // Until the faults are done (the run's tap says when), bounded by a day.
                Duration.ofDays(1),
                Duration.ZERO,
                null,
                seed,
                bootstrap.or(defaultBootstrap),
                topics.submissions(),
                topics.verdicts(),
                List.of(topics.deadLetters()),
                List.of(),
                drain,
                topics.rejudges(),
                0));
    Progress progress = new Progress(err, json);
    FaultInjector faults =
        new FaultInjector(
            fleet,
            FaultInjector.plan(kills, brokerRestarts, stops, seed),
            faultSettings,
            seed,
            line -> {
              progress.clear();
              err.println("judge chaos: " + line);
            });
    ChaosLedger ledger = new ChaosLedger(generator.idPrefix());
    ChaosRun run =
        new ChaosRun(
            ledger,
            new MalformedMessages(generator.idPrefix(), maxMessageBytes),
            malformed,
            malformedRate,
            faults,
            topics.verdicts(),
            topics.deadLetters(),
            settleTime);
    LoadReport load;
    try {
      load = generator.run(status -> progress.show(status + run.status()), run);
    } catch (IllegalStateException e) {
      progress.clear();
      err.println("judge chaos: " + e.getMessage());
      return 1;
    } finally {
      progress.clear();
      run.stop();
    }
    ChaosReport result =
        new ChaosReport(
            ledger.summary(), faults.planned(), faults.events(), faults.failure(), load);
    ObjectMapper mapper = WireJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);
    if (out != null) {
      Files.writeString(out, mapper.writeValueAsString(result) + "\n", StandardCharsets.UTF_8);
    }
    if (report != null) {
      Files.writeString(report, ChaosHtml.render(result), StandardCharsets.UTF_8);
    }
    if (json) {
      JsonOutput.print(result);
    } else {
      System.out.print(summary(result));
    }
    return result.held() ? 0 : 1;
  }

  static String summary(ChaosReport r) {
    StringBuilder s = new StringBuilder();
    s.append("judge chaos: ").append(r.summary().line()).append('\n');
    s.append("  ").append(r.summary().details()).append('\n');
    s.append("  faults ")
        .append(r.faults().size())
        .append(" of ")
        .append(r.faultsPlanned())
        .append(r.faultFailure() == null ? "" : " (ended early: " + r.faultFailure() + ")")
        .append('\n');
    for (String example : r.summary().examples()) {
      s.append("  ").append(example).append('\n');
    }
    s.append(r.held() ? "  held\n" : "  FAILED\n");
    s.append(LoadCommand.summary(r.load()).replace("judge load: ", "  load: "));
    return s.toString();
  }
}
