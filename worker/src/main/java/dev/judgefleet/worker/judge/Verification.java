package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.problem.ReferenceSubmission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Judges every reference submission of packages and compares each with what it must get. The time
 * limit is the package's, or derived from the lower-bound submissions (whose runs under the
 * derivation cap are then reused). Submissions that must time out run at time_limit ×
 * time_limit_to_tle, as the format requires them to.
 *
 * <p>All packages share one pool of {@code jobs} slots, and nothing waits on a package boundary: a
 * package's lower-bound runs are queued at once, its other submissions as soon as its limit is
 * known, so the slots stay busy while one package derives its limit and another is still judging.
 * The tests of one submission still run one after another, as they would on a worker.
 */
public final class Verification {
  private final Judge judge;
  private final LanguageCatalog languages;
  private final int jobs;

  public Verification(Judge judge, LanguageCatalog languages, int jobs) {
    this.judge = judge;
    this.languages = languages;
    this.jobs = Math.max(1, jobs);
  }

  /**
   * One row of the report.
   *
   * @param language the language id ({@code python2} for one this host lacks), {@code answer} for
   *     the answers of a submit-answer problem, or "?" when nothing tells
   * @param expected the expectation in short ({@code WA}, {@code AC 30})
   * @param actual the verdict (and score) it got, or "" when skipped
   * @param failures what went against the expectation; empty when ok
   * @param skipped whether it was not judged (a language this host lacks)
   * @param maxTime the slowest test's CPU time
   */
  public record Row(
      String problem,
      String submission,
      String language,
      String expected,
      String actual,
      List<String> failures,
      boolean skipped,
      Duration maxTime) {
    public boolean ok() {
      return skipped || failures.isEmpty();
    }
  }

  /** The rows of one package, and the time limit used. */
  public record Report(
      ProblemPackage problem, Duration timeLimit, String timeLimitSource, List<Row> rows) {}

  /** Verifies one package (its submissions in parallel). */
  public Report verify(ProblemPackage problem, Consumer<Row> progress) {
    return await(verifyAll(List.of(problem), progress).get(0));
  }

  /**
   * Verifies the packages together on one pool (see the class comment).
   *
   * @param progress told of every row as it is done, from the pool's threads
   * @return one report per package, in the given order; a package whose time limit cannot be
   *     derived completes exceptionally with {@link TimeLimitInference.DerivationFailed}
   */
  public List<CompletableFuture<Report>> verifyAll(
      List<ProblemPackage> problems, Consumer<Row> progress) {
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    SlotPool slots = new SlotPool(jobs);
    List<CompletableFuture<Report>> reports = new ArrayList<>();
    for (ProblemPackage problem : problems) {
      reports.add(new PackageRun(problem, pool, slots, progress).start());
    }
    CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new))
        .whenComplete((done, failure) -> pool.shutdown());
    return reports;
  }

  /** Waits for a report; a failure is rethrown as it was. */
  public static Report await(CompletableFuture<Report> report) {
    try {
      return report.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** The verification of one package on the shared pool. */
  private final class PackageRun {
    private final ProblemPackage problem;
    private final ExecutorService pool;
    private final SlotPool slots;
    private final Consumer<Row> progress;

    PackageRun(
        ProblemPackage problem, ExecutorService pool, SlotPool slots, Consumer<Row> progress) {
      this.problem = problem;
      this.pool = pool;
      this.slots = slots;
      this.progress = progress;
    }

    CompletableFuture<Report> start() {
      if (problem.type().submitAnswer()) {
        return rows(
            Duration.ZERO, "submit-answer: the answers are checked, nothing runs", Map.of());
      }
      if (problem.limits().timeLimit().isPresent()) {
        return rows(
            problem.limits().timeLimit().get(), problem.limits().timeLimitSource(), Map.of());
      }
      // The lower-bound submissions run every test under the derivation cap; their slowest run
      // sets the limit, and their results stand (a limit at least twice their slowest run would
      // not change them).
      Map<String, CompletableFuture<JudgeResult>> lower = new LinkedHashMap<>();
      for (TimeLimitInference.LowerBound bound :
          TimeLimitInference.lowerBounds(problem, languages)) {
        lower.put(
            bound.submission().name(),
            onSlot(slot -> bound.judge(judge, problem, TimeLimitInference.CAP, slot)));
      }
      return CompletableFuture.allOf(lower.values().toArray(CompletableFuture[]::new))
          .thenCompose(
              done -> {
                Map<String, JudgeResult> results = new LinkedHashMap<>();
                lower.forEach((name, run) -> results.put(name, run.join()));
                TimeLimitInference.Inferred inferred =
                    TimeLimitInference.fromRuns(problem, results, TimeLimitInference.CAP);
                String source =
                    String.format(
                        Locale.ROOT,
                        "derived: slowest run %.3f s (%s) x %s",
                        inferred.slowestNanos() / 1e9,
                        inferred.slowestRun(),
                        problem.limits().acToTimeLimit());
                return rows(inferred.timeLimit(), source, results);
              });
    }

    /** Every submission's row, those judged during the derivation reused. */
    private CompletableFuture<Report> rows(
        Duration timeLimit, String source, Map<String, JudgeResult> earlier) {
      List<CompletableFuture<Row>> rows = new ArrayList<>();
      for (ReferenceSubmission submission : problem.submissions()) {
        CompletableFuture<Row> row = row(submission, timeLimit, earlier.get(submission.name()));
        rows.add(row.thenApply(r -> tell(r)));
      }
      return CompletableFuture.allOf(rows.toArray(CompletableFuture[]::new))
          .thenApply(
              done ->
                  new Report(
                      problem,
                      timeLimit,
                      source,
                      rows.stream().map(CompletableFuture::join).toList()));
    }

    private Row tell(Row row) {
      progress.accept(row);
      return row;
    }

    private CompletableFuture<Row> row(
        ReferenceSubmission submission, Duration timeLimit, JudgeResult earlier) {
      String expected = ExpectationCheck.describe(submission);
      if (problem.type().submitAnswer()) {
        return onSlot(
                slot ->
                    judge.judgeAnswers(
                        problem,
                        ReferenceSources.answers(submission, problem.constants()),
                        null,
                        new JudgeOptions(false, slot),
                        ProgressListener.NONE))
            .thenApply(result -> judged(submission, "answer", expected, result));
      }
      ReferenceSources.Detected detected = ReferenceSources.languageOf(submission, languages);
      if (!detected.available()) {
        return CompletableFuture.completedFuture(
            new Row(
                problem.id(),
                submission.name(),
                detected.id(),
                expected,
                "",
                List.of(),
                true,
                Duration.ZERO));
      }
      Language language = detected.language().get();
      if (earlier != null) {
        return CompletableFuture.completedFuture(
            judged(submission, language.id(), expected, earlier));
      }
      Duration limit =
          submission.timeLimitUse() == ReferenceSubmission.TimeLimitUse.UPPER
              ? CompiledProgram.scale(timeLimit, problem.limits().timeLimitToTle())
              : timeLimit;
      return onSlot(
              slot ->
                  judge.judge(
                      problem,
                      language,
                      ReferenceSources.read(submission, language, problem.constants()),
                      limit,
                      null,
                      new JudgeOptions(false, slot),
                      ProgressListener.NONE))
          .thenApply(result -> judged(submission, language.id(), expected, result));
    }

    private Row judged(
        ReferenceSubmission submission, String language, String expected, JudgeResult result) {
      String actual =
          result.verdict().name()
              + (result.score().isPresent()
                  ? " " + ScoreText.of(result.score().getAsDouble())
                  : "");
      return new Row(
          problem.id(),
          submission.name(),
          language,
          expected,
          actual,
          ExpectationCheck.failures(submission, result),
          false,
          Duration.ofNanos(result.maxCpuNanos()));
    }

    /** Runs {@code work} on the pool, on a slot of its own. */
    private <T> CompletableFuture<T> onSlot(IntFunction<T> work) {
      Supplier<T> task =
          () -> {
            int slot;
            try {
              slot = slots.take();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted", e);
            }
            try {
              return work.apply(slot);
            } finally {
              slots.give(slot);
            }
          };
      return CompletableFuture.supplyAsync(task, pool);
    }
  }

  /** Counts for a summary line. */
  public static String count(List<Row> rows) {
    int ok = 0;
    int bad = 0;
    int skipped = 0;
    for (Row r : rows) {
      if (r.skipped()) {
        skipped++;
      } else if (r.ok()) {
        ok++;
      } else {
        bad++;
      }
    }
    return ok + " ok, " + bad + " mismatched, " + skipped + " skipped";
  }
}
