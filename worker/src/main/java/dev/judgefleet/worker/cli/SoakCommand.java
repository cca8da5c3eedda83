package dev.judgefleet.worker.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.judgefleet.model.WireJson;
import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.cli.chaos.Fleet;
import dev.judgefleet.worker.cli.load.LoadGenerator;
import dev.judgefleet.worker.cli.load.LoadReport;
import dev.judgefleet.worker.cli.load.Workload;
import dev.judgefleet.worker.cli.soak.ProcessProbe;
import dev.judgefleet.worker.cli.soak.SoakReport;
import dev.judgefleet.worker.cli.soak.SoakRun;
import dev.judgefleet.worker.cli.soak.Trend;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
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
 * {@code judge soak}: a long load through a worker with its resources sampled, failing on growth
 * beyond noise (a leak of fds, mounts, cgroups, threads, processes or memory).
 */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
      "Soak a worker: a long load, its fds, mounts and memory sampled.",
      "Sends --count submissions (or for --duration) of a --workload through a running stack, every verdict checked, and samples the worker's process every so many verdicts: open fds, mount table lines, mounts under its sandbox state directory, cgroup directories of its engines, threads, descendant processes, RSS. Prints each metric's first and last value and its least-squares slope per 1 000 submissions; exit 1 when one grew beyond noise (its fitted growth over the run above a floor for the metric plus 3 times the scatter around the fit; the first tenth of the samples, the JVM warming up, is left out), or a verdict was wrong or missing.",
      "The worker: --pid, else DATA/pids/worker-N.pid (--worker N, --data or JUDGE_DATA, else var), as `bin/judge up` writes it. Kafka: KAFKA_BOOTSTRAP_SERVERS or --bootstrap."
    })
public final class SoakCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Inject WorkerConfig config;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String defaultBootstrap;

  @Option(
      names = "--workload",
      paramLabel = "FILE",
      defaultValue = "examples/load/smoke.yaml",
      description = "the submissions' mix (YAML, as judge load's; default: ${DEFAULT-VALUE})")
  Path workloadFile;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Length length;

  static final class Length {
    @Option(names = "--count", paramLabel = "N", description = "send N submissions")
    Long count;

    @Option(names = "--duration", paramLabel = "DURATION", description = "send for DURATION")
    String duration;
  }

  @Option(
      names = "--concurrency",
      defaultValue = "2",
      paramLabel = "C",
      description = "submissions in flight (default: 2)")
  int concurrency;

  @Option(
      names = "--every",
      paramLabel = "N",
      description = "sample every N verdicts (default: a fiftieth of --count, else 20)")
  Long every;

  @Option(names = "--pid", paramLabel = "PID", description = "the worker's process")
  Long pid;

  @Option(
      names = "--worker",
      defaultValue = "1",
      paramLabel = "N",
      description = "without --pid: the fleet's worker N (default: 1)")
  int worker;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "the stack's data directory (default: JUDGE_DATA, else var)")
  Path data;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "the worker's sandbox state directory (default: DATA/worker-N/state, else DATA/state)")
  Path stateDir;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the mix (default: 1)")
  long seed;

  @Mixin BootstrapOption bootstrap;

  @Option(
      names = "--timeout",
      defaultValue = "600s",
      paramLabel = "DURATION",
      description = "how long to wait for the verdicts once all are sent (default: 600s)")
  String timeout;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Option(names = "--out", paramLabel = "FILE", description = "write the report as JSON to FILE")
  Path out;

  @Override
  public Integer call() throws IOException {
    Duration drain = Units.duration(spec, "--timeout", timeout);
    Duration run =
        length.duration == null ? null : Units.duration(spec, "--duration", length.duration);
    if (concurrency < 1 || (length.count != null && length.count < 1)) {
      throw new ParameterException(
          spec.commandLine(), "--count and --concurrency must be positive");
    }
    Workload workload = StackArguments.workload(spec, workloadFile);
    Path dataDir = StackArguments.dataDir(data);
    PrintStream err = System.err;
    long workerPid;
    if (pid != null) {
      workerPid = pid;
    } else {
      OptionalLong found = new Fleet(dataDir, 0).workerPid(worker);
      if (found.isEmpty()) {
        err.println(
            "judge soak: no pid file for worker "
                + worker
                + " under "
                + dataDir.resolve("pids")
                + " (is `bin/judge up` running with JUDGE_DATA="
                + dataDir
                + "? else give --pid)");
        return 1;
      }
      workerPid = found.getAsLong();
    }
    if (!Fleet.alive(workerPid)) {
      err.println("judge soak: no process " + workerPid);
      return 1;
    }
    Path state = stateDir;
    if (state == null) {
      Path own = dataDir.resolve("worker-" + worker).resolve("state");
      state = Files.isDirectory(own) ? own : dataDir.resolve("state");
    }
    long sampleEvery =
        every != null ? every : length.count != null ? Math.max(1, length.count / 50) : 20;
    WorkerConfig.Topics topics = config.worker().topics();
    LoadGenerator generator;
    try {
      generator =
          new LoadGenerator(
              new LoadGenerator.Settings(
                  workload,
                  null,
                  concurrency,
                  run,
                  Duration.ZERO,
                  length.count,
                  seed,
                  bootstrap.or(defaultBootstrap),
                  topics.submissions(),
                  topics.verdicts(),
                  List.of(),
                  List.of(),
                  drain,
                  topics.rejudges(),
                  0));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    SoakRun soak =
        new SoakRun(
            new ProcessProbe(workerPid, state.toAbsolutePath()),
            generator.idPrefix(),
            topics.verdicts(),
            sampleEvery);
    if (soak.failure() != null) {
      err.println("judge soak: " + soak.failure());
      return 1;
    }
    Progress progress = new Progress(err, json);
    LoadReport load;
    try {
      load = generator.run(progress::show, soak);
    } catch (IllegalStateException e) {
      progress.clear();
      err.println("judge soak: " + e.getMessage());
      return 1;
    } finally {
      progress.clear();
    }
    List<Trend> trends = soak.finish();
    SoakReport report = new SoakReport(workerPid, soak.samples(), trends, load);
    if (out != null) {
      ObjectMapper mapper = WireJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);
      Files.writeString(out, mapper.writeValueAsString(report) + "\n", StandardCharsets.UTF_8);
    }
    if (json) {
      JsonOutput.print(report);
    } else {
      System.out.print(summary(report));
    }
    if (soak.failure() != null) {
      err.println("judge soak: " + soak.failure());
      return 1;
    }
    return report.held() ? 0 : 1;
  }

  static String summary(SoakReport r) {
    StringBuilder s = new StringBuilder();
    s.append("judge soak: worker pid ")
        .append(r.pid())
        .append(", ")
        .append(r.samples().size())
        .append(" samples over ")
        .append(r.samples().get(r.samples().size() - 1).submissions())
        .append(" verdicts\n");
    for (Trend t : r.trends()) {
      s.append("  ").append(t.line()).append('\n');
    }
    s.append(r.held() ? "  no growth beyond noise\n" : "  FAILED\n");
    s.append(LoadCommand.summary(r.load()).replace("judge load: ", "  load: "));
    return s.toString();
  }
}
