package dev.judgefleet.worker.cli;

import dev.judgefleet.model.JudgedBy;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.NodeName;
import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.WorkerVersion;
import dev.judgefleet.worker.judge.JudgeOptions;
import dev.judgefleet.worker.judge.JudgeResult;
import dev.judgefleet.worker.judge.ScoreText;
import dev.judgefleet.worker.judge.SourceBundle;
import dev.judgefleet.worker.judge.TestOutcome;
import dev.judgefleet.worker.judge.VerdictEvents;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.ProblemException;
import dev.judgefleet.worker.problem.ProblemLoader;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.service.JudgingStack;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code judge judge}: judge one submission against a problem package. */
@Command(
    name = "judge",
    mixinStandardHelpOptions = true,
    description = {
      "Judge a source file against a problem package.",
      "Compiles SOURCE, runs every test of the package in DIR and checks each output. Prints a per-test table, or the verdict event as JSON with --json.",
      "Exit status: 0 on AC, 1 on any other verdict, 2 on a usage error or a broken package."
    })
public final class JudgeProblemCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Inject WorkerConfig config;

  @Option(names = "--problem", required = true, paramLabel = "DIR", description = "the package")
  Path problemDir;

  @Option(names = "--language", description = "the language id (default: from the extension)")
  String language;

  @Option(
      names = "--time-limit",
      paramLabel = "DURATION",
      description = "the CPU time limit per test, instead of the package's")
  String timeLimit;

  @Option(names = "--all-tests", description = "run every test, even after a failure")
  boolean allTests;

  @Option(names = "--json", description = "print the verdict event as JSON")
  boolean json;

  @Parameters(
      arity = "1..*",
      paramLabel = "SOURCE",
      description = "the main source file, then any files that go beside it (headers, modules)")
  List<Path> sources;

  @Override
  public Integer call() throws IOException {
    ProblemPackage problem;
    try {
      problem = ProblemLoader.load(problemDir);
    } catch (ProblemException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    LanguageCatalog catalog = config.catalog();
    Language lang = LanguageArgument.installed(spec, catalog, language, sources.get(0));
    SourceArguments.check(spec, sources);
    SourceBundle code = SourceArguments.bundle(sources);
    PrintStream err = System.err;
    try (JudgingStack stack =
        JudgingStack.open(
            config.sandbox().engineSettings(), catalog, config.sandbox().stateDir())) {
      Duration limit =
          stack
              .timeLimits()
              .of(
                  problem,
                  Optional.ofNullable(timeLimit).map(t -> Units.duration(spec, "--time-limit", t)),
                  0,
                  () ->
                      err.println(
                          "judge: "
                              + problem.id()
                              + " has no time limit; deriving it from its accepted submissions"
                              + " ..."));
      Progress progress = new Progress(err, json);
      JudgeResult result =
          stack
              .judge()
              .judge(problem, lang, code, limit, null, new JudgeOptions(allTests, 0), progress);
      progress.clear();
      if (json) {
        var context =
            new VerdictEvents.Context(
                sources.get(0).getFileName().toString(),
                1,
                UUID.randomUUID().toString(),
                problem.id(),
                lang.id(),
                new JudgedBy(NodeName.get(), 0, WorkerVersion.get()),
                null,
                Map.of(),
                false);
        JsonOutput.print(VerdictEvents.of(result, context));
      } else {
        print(result);
      }
      return result.verdict() == Verdict.AC ? 0 : 1;
    }
  }

  private static void print(JudgeResult result) {
    PrintStream out = System.out;
    if (result.compile() != null && !result.compile().ok()) {
      out.print(result.message());
    }
    out.printf("%-28s %-4s %9s %9s %10s  %s%n", "test", "", "cpu", "wall", "memory", "message");
    for (TestOutcome t : result.tests()) {
      out.printf(
          Locale.ROOT,
          "%-28s %-4s %8.3fs %8.3fs %10s  %s%n",
          t.test().name(),
          t.verdict(),
          t.cpuNanos() / 1e9,
          t.wallNanos() / 1e9,
          Units.humanBytes(t.memoryBytes()),
          firstLine(t.checkerMessage()));
    }
    String score =
        result.score().isPresent()
            ? String.format(
                Locale.ROOT,
                "  score %s/%s",
                ScoreText.of(result.score().getAsDouble()),
                result.maxScore().isPresent() ? ScoreText.of(result.maxScore().getAsDouble()) : "-")
            : "";
    out.printf(
        Locale.ROOT,
        "verdict: %s%s  time %.3fs (limit %.3fs)  memory %s  judged in %.2fs%s%n",
        result.verdict(),
        score,
        result.maxCpuNanos() / 1e9,
        result.timeLimit().toNanos() / 1e9,
        Units.humanBytes(result.maxMemoryBytes()),
        result.judgeTime().toNanos() / 1e9,
        result.verdict() == Verdict.IE ? "\n" + result.message() : "");
  }

  private static String firstLine(String s) {
    String line = s.lines().findFirst().orElse("");
    return line.length() > 80 ? line.substring(0, 77) + "..." : line;
  }
}
