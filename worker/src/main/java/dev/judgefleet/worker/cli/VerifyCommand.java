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
    int parallel = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    long programCpu;
    try (JudgingStack stack =
        JudgingStack.open(
            config.sandbox().engineSettings(), catalog, config.sandbox().stateDir())) {
      Verification verification = new Verification(stack.judge(), catalog, parallel);
      Progress progress = new Progress(err, json);
      if (!json) {
        header(out);
      }
      for (Path dir : dirs) {
        ProblemPackage problem;
        try {
          problem = ProblemLoader.load(dir);
        } catch (ProblemException e) {
          broken.add(e.getMessage());
          err.println("verify: " + e.getMessage());
          continue;
        }
        AtomicInteger done = new AtomicInteger();
        int total = problem.submissions().size();
        progress.show(problem.id() + ": judging " + total + " submissions ...");
        Verification.Report report;
        try {
          report =
              verification.verify(
                  problem,
                  row -> {
                    // Counting and drawing under one lock, so the count never goes back.
                    synchronized (progress) {
                      progress.show(
                          problem.id()
                              + " ["
                              + done.incrementAndGet()
                              + "/"
                              + total
                              + "] "
                              + row.submission());
                    }
                  });
        } catch (IllegalStateException e) {
          progress.clear();
          broken.add(e.getMessage());
          err.println("verify: " + e.getMessage());
          continue;
        }
        progress.clear();
        rows.addAll(report.rows());
        if (!json) {
          out.printf(
              Locale.ROOT,
              "# %s: time limit %.3f s (%s)%n",
              problem.id(),
              report.timeLimit().toNanos() / 1e9,
              report.timeLimitSource());
          report.rows().forEach(row -> print(out, row));
          for (String warning : problem.warnings()) {
            out.println("#   warning: " + warning);
          }
        }
      }
      programCpu = stack.engine().totalRunCpuNanos();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    if (json) {
      JsonOutput.print(rows.stream().map(VerifyCommand::json).toList());
    }
    boolean ok = broken.isEmpty() && rows.stream().allMatch(Verification.Row::ok);
    err.printf(
        Locale.ROOT,
        "verify: %s: %d submissions in %d packages: %s%s; %.1f s wall, programs' CPU %.1f s%n",
        ok ? "OK" : "FAILED",
        rows.size(),
        dirs.size() - broken.size(),
        Verification.count(rows),
        broken.isEmpty() ? "" : ", " + broken.size() + " broken packages",
        wall,
        programCpu / 1e9);
    return ok ? 0 : 1;
  }

  private static void header(PrintStream out) {
    out.printf(
        "%-10s %-42s %-10s %-10s %-10s %9s  %s%n",
        "problem", "submission", "language", "expected", "got", "max time", "");
  }

  private static void print(PrintStream out, Verification.Row row) {
    String status =
        row.skipped()
            ? "skipped (language not installed)"
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

  private static Map<String, Object> json(Verification.Row row) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("problem", row.problem());
    m.put("submission", row.submission());
    m.put("language", row.language());
    m.put("expected", row.expected());
    m.put("actual", row.skipped() ? null : row.actual());
    m.put("ok", row.ok());
    m.put("skipped", row.skipped());
    m.put("maxTimeMs", row.maxTime().toMillis());
    m.put("failures", row.failures());
    return m;
  }
}
