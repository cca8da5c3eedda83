package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.judge.Verification;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.ProblemException;
import dev.judgefleet.worker.problem.ProblemLoader;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.service.JudgingStack;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code judge verify}: judges every reference submission of the given packages and compares each
 * with what its folder (or submissions.yaml, or its @EXPECTED_RESULTS@ tag) expects.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check that a package's reference submissions get what they must.",
      "Judges every submission under DIR/submissions/ and compares its verdict with what its folder, submissions.yaml or an @EXPECTED_RESULTS@ tag expects. Prints a table and a summary line; --json prints an array of rows.",
      "Exit status: 0 when everything matched, 1 on any mismatch or broken package."
    })
public final class VerifyCommand implements Callable<Integer> {
  @Inject WorkerConfig config;

  @Option(names = "--json", description = "print the rows as JSON")
  boolean json;

  @Option(names = "--jobs", description = "submissions judged at once (default: CPUs)")
  Integer jobs;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "problem package directories")
  List<Path> dirs;

  @Override
  public Integer call() throws IOException {
    PrintStream out = System.out;
    PrintStream err = System.err;
    long start = System.nanoTime();
    List<Verification.Row> rows = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    LanguageCatalog catalog = config.catalog();
    int cores = Runtime.getRuntime().availableProcessors();
    int parallel = jobs != null ? jobs : cores;
    List<ProblemPackage> problems = new ArrayList<>();
    Map<String, java.time.Duration> timeLimits = new LinkedHashMap<>();
    for (Path dir : dirs) {
      try {
        problems.add(ProblemLoader.load(dir));
      } catch (ProblemException e) {
        broken.add(e.getMessage());
        err.println("verify: " + e.getMessage());
      }
    }
    long programCpu;
    try (JudgingStack stack =
        JudgingStack.open(
            config.sandbox().engineSettings(), catalog, config.sandbox().stateDir())) {
      Verification verification = new Verification(stack.judge(), catalog, parallel);
      Progress progress = new Progress(err, json);
      if (!json) {
        header(out);
      }
      AtomicInteger done = new AtomicInteger();
      int total = problems.stream().mapToInt(p -> p.submissions().size()).sum();
      progress.show("judging " + total + " submissions of " + problems.size() + " packages ...");
      List<CompletableFuture<Verification.Report>> reports =
          verification.verifyAll(
              problems,
              row -> {
                // Counting and drawing under one lock, so the count never goes back.
                synchronized (progress) {
                  progress.show(
                      "["
                          + done.incrementAndGet()
                          + "/"
                          + total
                          + "] "
                          + row.problem()
                          + " "
                          + row.submission());
                }
              });
      for (int i = 0; i < problems.size(); i++) {
        ProblemPackage problem = problems.get(i);
        Verification.Report report;
        try {
          report = Verification.await(reports.get(i));
        } catch (IllegalStateException e) {
          synchronized (progress) {
            progress.clear();
          }
          broken.add(e.getMessage());
          err.println("verify: " + e.getMessage());
          continue;
        }
        rows.addAll(report.rows());
        timeLimits.put(problem.id(), report.timeLimit());
        if (!json) {
          synchronized (progress) {
            progress.clear();
            print(out, report);
          }
        }
      }
      synchronized (progress) {
        progress.clear();
      }
      programCpu = stack.engine().totalRunCpuNanos();
    }
    long wallNanos = System.nanoTime() - start;
    if (json) {
      JsonOutput.print(rows.stream().map(row -> json(row, timeLimits.get(row.problem()))).toList());
    }
    boolean ok = broken.isEmpty() && rows.stream().allMatch(Verification.Row::ok);
    err.printf(
        Locale.ROOT,
        "verify: %s: %d submissions in %d packages: %s%s; %s%n",
        ok ? "OK" : "FAILED",
        rows.size(),
        problems.size(),
        Verification.count(rows),
        broken.isEmpty() ? "" : ", " + broken.size() + " broken packages",
        Throughput.of(wallNanos, programCpu, cores).summary());
    return ok ? 0 : 1;
  }

  private static void print(PrintStream out, Verification.Report report) {
    ProblemPackage problem = report.problem();
    if (problem.type().submitAnswer()) {
      out.printf("# %s: %s%n", problem.id(), report.timeLimitSource());
    } else {
      out.printf(
          Locale.ROOT,
          "# %s: time limit %.3f s (%s)%n",
          problem.id(),
          report.timeLimit().toNanos() / 1e9,
          report.timeLimitSource());
    }
    problem
        .generators()
        .ifPresent(
            g ->
                out.println(
                    "#   test data generated by "
                        + problem.root().relativize(g)
                        + " (judge generate writes it)"));
    report.rows().forEach(row -> print(out, row));
    for (String warning : problem.warnings()) {
      out.println("#   warning: " + warning);
    }
  }

  private static void header(PrintStream out) {
    out.printf(
        "%-10s %-42s %-10s %-10s %-10s %9s  %s%n",
        "problem", "submission", "language", "expected", "got", "max time", "");
  }

  private static void print(PrintStream out, Verification.Row row) {
    String status =
        row.skipped()
            ? row.language().equals("?")
                ? "skipped (no language this judge knows)"
                : "skipped (" + row.language() + " is not on this host)"
            : row.ok() ? "ok" : "MISMATCH: " + String.join("; ", row.failures());
    out.printf(
        Locale.ROOT,
        "%-10s %-42s %-10s %-10s %-10s %8.3fs  %s%n",
        row.problem(),
        row.submission(),
        row.language(),
        row.expected(),
        row.skipped() ? "-" : row.actual(),
        row.maxTime().toNanos() / 1e9,
        status);
  }

  private static Map<String, Object> json(Verification.Row row, java.time.Duration timeLimit) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("problem", row.problem());
    m.put("submission", row.submission());
    m.put("language", row.language());
    m.put("expected", row.expected());
    m.put("actual", row.skipped() ? null : row.actual());
    m.put("ok", row.ok());
    m.put("skipped", row.skipped());
    m.put("maxTimeMs", row.maxTime().toMillis());
    m.put("timeLimitMs", timeLimit == null ? null : timeLimit.toMillis());
    m.put("failures", row.failures());
    return m;
  }
}
