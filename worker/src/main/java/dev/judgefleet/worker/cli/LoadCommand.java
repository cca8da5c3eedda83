package dev.judgefleet.worker.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.WireJson;
import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.cli.load.HtmlReport;
import dev.judgefleet.worker.cli.load.LoadComparison;
import dev.judgefleet.worker.cli.load.LoadGenerator;
import dev.judgefleet.worker.cli.load.LoadReport;
import dev.judgefleet.worker.cli.load.LoadReport.Latency;
import dev.judgefleet.worker.cli.load.Workload;
import dev.judgefleet.worker.cli.load.WorkloadItem;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code judge load}: a workload through a running stack, every verdict checked against its
 * expectation, with throughput and queue-to-verdict latency overall and per node, as text, JSON and
 * a self-contained HTML report; {@code --compare} sets two runs' JSON side by side.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Load-test a running stack: verdicts checked, latency per node.",
      "Sends a workload file's mix (--workload FILE, YAML: problems, languages, sources and their expected verdicts, weights), or one SOURCE with --problem and --language, either open-loop (Poisson arrivals at --rate per second) or closed-loop (--concurrency in flight), for --duration (after a --warmup the figures leave out) or --count submissions. Every verdict must be the expected one: exit 1 otherwise, or when one is missing. Prints throughput and queue-to-verdict latency percentiles overall and per judging node; --json prints the figures as JSON, --out writes them to a file, --report writes a self-contained HTML page with charts (latency over time, percentile curve, throughput, busy slots and consumer lag sampled from the workers' --metrics).",
      "judge load --compare A.json B.json prints two runs' figures side by side.",
      "Kafka: KAFKA_BOOTSTRAP_SERVERS or --bootstrap."
    })
public final class LoadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Inject WorkerConfig config;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String defaultBootstrap;

  @Option(
      names = "--workload",
      paramLabel = "FILE",
      description = "the workload (YAML); see examples/load/contest-mix.yaml")
  Path workloadFile;

  @Option(names = "--problem", paramLabel = "ID", description = "with SOURCE: the problem id")
  String problem;

  @Option(
      names = "--language",
      paramLabel = "L",
      description = "with SOURCE: the language id (c, cpp, python3, java, ...)")
  String language;

  @Option(
      names = "--expect",
      defaultValue = "AC",
      paramLabel = "VERDICT",
      description = "with SOURCE: the verdict it must get (default: AC)")
  Verdict expect;

  @ArgGroup(exclusive = true)
  Loop loop;

  static final class Loop {
    @Option(
        names = "--rate",
        paramLabel = "R",
        description = "open loop: Poisson arrivals, R submissions per second on average")
    Double rate;

    @Option(
        names = "--concurrency",
        paramLabel = "C",
        description = "closed loop: C submissions in flight (default: 2)")
    Integer concurrency;
  }

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      description = "how long to send, warm-up included (default: 60s, or until --count)")
  String duration;

  @Option(
      names = "--warmup",
      defaultValue = "0s",
      paramLabel = "DURATION",
      description =
          "submissions sent in this first part are judged and checked but left out of the figures (default: 0s)")
  String warmup;

  @Option(
      names = "--lane",
      paramLabel = "LANE",
      defaultValue = "live",
      description =
          "the lane the measured submissions go on: live (judge.submissions, the default) or rejudge (judge.rejudges)")
  String lane;

  @Option(
      names = "--rejudge-backlog",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "first queue N rejudges (from the same mix) on judge.rejudges, then run; reports how many of them were judged during the run (default: 0)")
  int rejudgeBacklog;

  @Option(names = "--count", paramLabel = "N", description = "stop sending after N submissions")
  Long count;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "seed of the arrivals and of the mix (default: 1)")
  long seed;

  @Option(
      names = "--metrics",
      split = ",",
      paramLabel = "URL",
      description =
          "workers' HTTP addresses to sample /q/metrics from once a second (busy slots, consumer lag), e.g. http://127.0.0.1:8080,http://127.0.0.1:8081")
  List<String> metrics = List.of();

  @Mixin BootstrapOption bootstrap;

  @Option(
      names = "--timeout",
      defaultValue = "600s",
      paramLabel = "DURATION",
      description = "how long to wait for the verdicts once all are sent (default: 600s)")
  String timeout;

  @Option(names = "--json", description = "print the figures as JSON")
  boolean json;

  @Option(names = "--out", paramLabel = "FILE", description = "write the figures as JSON to FILE")
  Path out;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "write a self-contained HTML report to FILE")
  Path report;

  @Option(
      names = "--compare",
      arity = "2",
      paramLabel = "JSON",
      description = "print two runs' figures (files written by --out or --json) side by side")
  List<Path> compare;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SOURCE",
      description = "one source file to submit (instead of --workload)")
  Path source;

  @Override
  public Integer call() throws IOException {
    if (compare != null) {
      return compare();
    }
    // Every usage mistake before anything is sent: a typo must not flood the stack first.
    Duration wait = Units.duration(spec, "--timeout", timeout);
    Duration warm = Units.duration(spec, "--warmup", warmup);
    Duration run = duration != null ? Units.duration(spec, "--duration", duration) : null;
    if (run == null && count == null) {
      run = Duration.ofSeconds(60);
    }
    Workload workload = workload();
    Double rate = loop == null ? null : loop.rate;
    int concurrency = loop == null || loop.concurrency == null ? 2 : loop.concurrency;
    WorkerConfig.Topics topics = config.worker().topics();
    String target = LaneTopics.topic(spec, topics, lane);
    String servers = bootstrap.or(defaultBootstrap);
    LoadGenerator.Settings settings;
    try {
      settings =
          new LoadGenerator.Settings(
              workload,
              rate,
              concurrency,
              run,
              warm,
              count,
              seed,
              servers,
              target,
              topics.verdicts(),
              List.of(),
              metrics,
              wait,
              topics.rejudges(),
              rejudgeBacklog);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintStream err = System.err;
    Progress progress = new Progress(err, json);
    LoadReport figures;
    try {
      figures = new LoadGenerator(settings).run(progress::show);
    } catch (IllegalStateException e) {
      progress.clear();
      err.println("judge load: " + e.getMessage());
      return 1;
    } finally {
      progress.clear();
    }
    ObjectMapper mapper = WireJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);
    if (out != null) {
      Files.writeString(out, mapper.writeValueAsString(figures) + "\n", StandardCharsets.UTF_8);
    }
    if (report != null) {
      Files.writeString(report, HtmlReport.render(figures), StandardCharsets.UTF_8);
    }
    if (json) {
      JsonOutput.print(figures);
    } else {
      System.out.print(summary(figures));
    }
    return figures.allAsExpected() ? 0 : 1;
  }

  private Workload workload() throws IOException {
    if (workloadFile != null) {
      if (source != null || problem != null || language != null) {
        throw new ParameterException(
            spec.commandLine(), "--workload replaces SOURCE, --problem and --language");
      }
      return StackArguments.workload(spec, workloadFile);
    }
    if (source == null || problem == null || language == null) {
      throw new ParameterException(
          spec.commandLine(), "give --workload FILE, or SOURCE with --problem and --language");
    }
    if (!Files.isRegularFile(source)) {
      throw new ParameterException(spec.commandLine(), "no such file: " + source);
    }
    return new Workload(
        List.of(
            new WorkloadItem(
                source.getFileName().toString(),
                problem,
                language,
                Files.readString(source, StandardCharsets.UTF_8),
                List.of(),
                expect,
                1)));
  }

  private int compare() throws IOException {
    ObjectMapper mapper = WireJson.mapper();
    LoadReport[] runs = new LoadReport[2];
    for (int i = 0; i < 2; i++) {
      Path file = compare.get(i);
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(spec.commandLine(), "no such file: " + file);
      }
      try {
        runs[i] = mapper.readValue(file.toFile(), LoadReport.class);
      } catch (com.fasterxml.jackson.core.JacksonException e) {
        throw new ParameterException(
            spec.commandLine(), file + " is not a judge load report: " + e.getOriginalMessage());
      }
    }
    System.out.print(
        LoadComparison.table(
            compare.get(0).toString(), runs[0], compare.get(1).toString(), runs[1]));
    return 0;
  }

  static String summary(LoadReport r) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "judge load: %s for %.1f s (warm-up %.1f s) against %s%n",
            r.mode(),
            r.durationSeconds(),
            r.warmupSeconds(),
            r.bootstrap()));
    s.append(
        String.format(
            Locale.ROOT,
            "  sent %d, missing %d, wrong %d, duplicates %d%n",
            r.sent(),
            r.missing(),
            r.wrong(),
            r.duplicates()));
    s.append(
        String.format(
            Locale.ROOT,
            "  after warm-up: %d verdicts, %.2f per second  %s%n",
            r.measured(),
            r.throughputPerSecond(),
            new TreeMap<>(r.byVerdict())));
    if (r.backlog().queued() > 0) {
      s.append(
          String.format(
              Locale.ROOT,
              "  rejudge backlog %d queued before the run, %d judged during it%n",
              r.backlog().queued(),
              r.backlog().judgedDuringRun()));
    }
    s.append(latencyLine("all nodes", r.latency()));
    s.append(
        String.format(
            Locale.ROOT,
            "  %-24s %6s           judging p50 %d ms  p90 %d ms  p99 %d ms  max %d ms%n",
            "(the workers' judgeMs)",
            "",
            r.judging().p50Ms(),
            r.judging().p90Ms(),
            r.judging().p99Ms(),
            r.judging().maxMs()));
    r.byNode().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> s.append(latencyLine("node " + e.getKey(), e.getValue())));
    for (LoadReport.Mismatch m : r.mismatches()) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %s %s (%s): expected %s, got %s%s%n",
              m.actual() == null ? "missing" : "wrong",
              m.submissionId(),
              m.item(),
              m.expected(),
              m.actual() == null ? "no verdict" : m.actual(),
              m.node() == null ? "" : " on " + m.node()));
    }
    return s.toString();
  }

  private static String latencyLine(String name, Latency l) {
    return String.format(
        Locale.ROOT,
        "  %-24s %6d verdicts  latency p50 %d ms  p90 %d ms  p99 %d ms  p99.9 %d ms  max %d ms%n",
        name,
        l.count(),
        l.p50Ms(),
        l.p90Ms(),
        l.p99Ms(),
        l.p999Ms(),
        l.maxMs());
  }
}
