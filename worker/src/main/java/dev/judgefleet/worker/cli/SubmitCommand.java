package dev.judgefleet.worker.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.judgefleet.model.InlineTest;
import dev.judgefleet.model.ProgressEvent;
import dev.judgefleet.model.Submission;
import dev.judgefleet.model.TestResult;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.model.WireJson;
import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.messaging.ClientSession;
import dev.judgefleet.worker.messaging.TopicMessage;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code judge submit}: put a submission on Kafka and print its verdict when it arrives. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Submit a source file and print its verdict when it arrives.",
      "Produces SOURCE as a submission to judge.submissions (with --lane rejudge, to judge.rejudges: judged on the slots live submissions leave free) and waits for its verdict on judge.verdicts, showing progress on a terminal. Kafka: KAFKA_BOOTSTRAP_SERVERS or --bootstrap.",
      "Exit status: 0 on AC; 1 on any other verdict, when no broker answers, or when no verdict comes in time; 2 on a usage error."
    })
public final class SubmitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Inject WorkerConfig config;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String defaultBootstrap;

  @Option(names = "--problem", required = true, paramLabel = "ID", description = "the problem id")
  String problem;

  @Option(
      names = "--language",
      paramLabel = "L",
      description = "the language id (default: from the extension of SOURCE)")
  String language;

  @Option(
      names = "--lane",
      paramLabel = "LANE",
      defaultValue = "live",
      description =
          "live (judge.submissions, the default) or rejudge (judge.rejudges: after live work)")
  String lane;

  @Option(names = "--json", description = "print the verdict event as JSON")
  boolean json;

  @Option(names = "--no-wait", description = "only submit; print the submission id")
  boolean noWait;

  @Mixin BootstrapOption bootstrap;

  @Option(
      names = "--timeout",
      defaultValue = "300s",
      paramLabel = "DURATION",
      description = "how long to wait for the verdict (default: 300s)")
  String timeout;

  @Option(
      names = "--id",
      paramLabel = "ID",
      description = "the submission id (default: a random UUID)")
  String id;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description = {
        "run with custom input: judge on FILE instead of the problem's tests (repeatable);",
        "the verdict shows what the program printed"
      })
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = "--answer",
      paramLabel = "FILE",
      description = "the expected output of the --input at the same position (repeatable)")
  List<Path> answers = new ArrayList<>();

  @Parameters(
      arity = "1..*",
      paramLabel = "SOURCE",
      description = "the main source file, then any files that go beside it (headers, modules)")
  List<Path> sources;

  @Override
  public Integer call() throws IOException {
    SourceArguments.check(spec, sources);
    List<InlineTest> tests = inlineTests();
    Duration wait = Units.duration(spec, "--timeout", timeout);
    String submissionId = id != null ? id : UUID.randomUUID().toString();
    String languageId = languageId();
    ObjectMapper mapper = WireJson.mapper();
    WorkerConfig.Topics topics = config.worker().topics();
    String target = LaneTopics.topic(spec, topics, lane);
    String servers = bootstrap.or(defaultBootstrap);
    PrintStream err = System.err;
    try (ClientSession kafka =
        new ClientSession(servers, target, List.of(topics.verdicts(), topics.progress()))) {
      // Stamped once the session is open: the queue time is the worker's, not this JVM's.
      Submission submission =
          new Submission(
              Submission.SCHEMA_VERSION,
              submissionId,
              problem,
              null,
              languageId,
              // One file travels as readable text; several as named files.
              sources.size() == 1 ? Files.readString(sources.get(0), StandardCharsets.UTF_8) : null,
              sources.size() == 1 ? null : SourceArguments.wireFiles(sources),
              null,
              tests,
              1,
              Instant.now(),
              null);
      kafka.submit(submissionId, mapper.writeValueAsBytes(submission));
      if (noWait) {
        System.out.println(submissionId);
        return 0;
      }
      Progress progress = new Progress(err, json);
      progress.show("submitted " + submissionId + " to " + target + " at " + servers);
      long deadline = System.nanoTime() + wait.toNanos();
      while (System.nanoTime() < deadline) {
        for (TopicMessage record : kafka.poll(Duration.ofMillis(200))) {
          if (!submissionId.equals(record.key())) {
            continue;
          }
          if (record.topic().equals(topics.progress())) {
            ProgressEvent p = mapper.readValue(record.value(), ProgressEvent.class);
            // The wire leaves test and of out outside RUNNING.
            progress.progress(
                p.phase(), p.test() == null ? 0 : p.test(), p.of() == null ? 0 : p.of());
          } else {
            progress.clear();
            VerdictEvent verdict = mapper.readValue(record.value(), VerdictEvent.class);
            print(verdict);
            return verdict.verdict() == Verdict.AC ? 0 : 1;
          }
        }
      }
      progress.clear();
      err.println(
          "judge submit: no verdict for "
              + submissionId
              + " within "
              + timeout
              + " (is a worker running? `bin/judge up`)");
      return 1;
    } catch (IllegalStateException e) {
      err.println("judge submit: " + e.getMessage());
      return 1;
    }
  }

  /**
   * The language as given, else the one this host's catalog maps SOURCE's extension to (the worker
   * checks it against its own catalog).
   */
  private String languageId() {
    if (language != null) {
      return language;
    }
    String file = sources.get(0).getFileName().toString();
    return config
        .catalog()
        .forFile(file)
        .map(Language::id)
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "cannot tell the language of " + file + "; use --language"));
  }

  /** The --input and --answer files as inline tests named after the input files. */
  private List<InlineTest> inlineTests() throws IOException {
    if (answers.size() > inputs.size()) {
      throw new ParameterException(
          spec.commandLine(),
          "--answer given " + answers.size() + " times for " + inputs.size() + " --input");
    }
    for (Path file : Stream.concat(inputs.stream(), answers.stream()).toList()) {
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(spec.commandLine(), "file " + file + " not found");
      }
    }
    List<InlineTest> tests = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Path input = inputs.get(i);
      String file = input.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
      String name = file.substring(0, Math.min(file.length(), 100));
      tests.add(
          new InlineTest(
              (i + 1) + "-" + name,
              Files.readString(input, StandardCharsets.UTF_8),
              i < answers.size()
                  ? Files.readString(answers.get(i), StandardCharsets.UTF_8)
                  : null));
    }
    return tests;
  }

  private void print(VerdictEvent v) throws IOException {
    PrintStream out = System.out;
    if (json) {
      JsonOutput.print(v);
      return;
    }
    for (TestResult t : v.tests()) {
      out.printf(
          Locale.ROOT,
          "%-28s %-4s %6d ms %10s  %s%n",
          t.name(),
          t.verdict(),
          t.timeMs(),
          Units.humanBytes(t.memoryBytes()),
          t.checkerMessage() == null ? "" : t.checkerMessage().lines().findFirst().orElse(""));
      printOutput("stdout", t.stdout(), out);
      printOutput("stderr", t.stderr(), out);
      if (Boolean.TRUE.equals(t.outputTruncated())) {
        out.println("  [output truncated]");
      }
    }
    out.printf(
        Locale.ROOT,
        "verdict: %s%s  time %d ms  memory %s  (judged in %d ms on %s)%n",
        v.verdict(),
        v.score() == null
            ? ""
            : "  score " + v.score() + (v.maxScore() == null ? "" : "/" + v.maxScore()),
        v.timeMs(),
        Units.humanBytes(v.memoryBytes()),
        v.judgeMs(),
        v.judgedBy() == null ? "?" : v.judgedBy().node());
    if (v.message() != null && v.verdict() != Verdict.AC) {
      out.println(v.message());
    }
  }

  private static void printOutput(String stream, String text, PrintStream out) {
    if (text == null || text.isEmpty()) {
      return;
    }
    out.println("  " + stream + ":");
    text.lines().forEach(line -> out.println("    " + line));
  }
}
