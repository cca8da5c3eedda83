package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.problem.ReferenceSubmission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Judges every reference submission of a package and compares each with what it must get. The time
 * limit is the package's, or derived from the lower-bound submissions (whose runs under the
 * derivation cap are then reused). Submissions that must time out run at time_limit ×
 * time_limit_to_tle, as the format requires them to. Submissions run in parallel, one slot each.
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
   * @param language the language id, or "?" when none matched
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

  public Report verify(ProblemPackage problem, Consumer<Row> progress) {
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    SlotPool slots = new SlotPool(jobs);
    try {
      Duration timeLimit;
      String source;
      Map<String, JudgeResult> reuse;
      if (problem.limits().timeLimit().isPresent()) {
        timeLimit = problem.limits().timeLimit().get();
        source = problem.limits().timeLimitSource();
        reuse = Map.of();
      } else {
        // The lower-bound submissions run every test under the derivation cap, in parallel;
        // their slowest run sets the limit, and their results stand (a limit at least twice
        // their slowest run would not change them).
        TimeLimitInference.Inferred inferred =
            TimeLimitInference.infer(
                judge, problem, languages, run -> pool.submit(() -> onSlot(slots, run)));
        timeLimit = inferred.timeLimit();
        source =
            String.format(
                Locale.ROOT,
                "derived: slowest run %.3f s (%s) x %s",
                inferred.slowestNanos() / 1e9,
                inferred.slowestRun(),
                problem.limits().acToTimeLimit());
        reuse = inferred.runs();
      }
      Duration limit = timeLimit;
      List<Future<Row>> futures = new ArrayList<>();
      for (ReferenceSubmission submission : problem.submissions()) {
        futures.add(
            pool.submit(
                () -> {
                  Row row =
                      verifyOne(slots, problem, submission, limit, reuse.get(submission.name()));
                  progress.accept(row);
                  return row;
                }));
      }
      List<Row> rows = new ArrayList<>();
      for (Future<Row> f : futures) {
        rows.add(Futures.await(f));
      }
      return new Report(problem, timeLimit, source, rows);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs {@code work} on a slot of the pool's, waiting for one to be free. */
  private static <T> T onSlot(SlotPool slots, IntFunction<T> work) throws InterruptedException {
    int slot = slots.take();
    try {
      return work.apply(slot);
    } finally {
      slots.give(slot);
    }
  }

  private Row verifyOne(
      SlotPool slots,
      ProblemPackage problem,
      ReferenceSubmission submission,
      Duration timeLimit,
      JudgeResult earlier)
      throws InterruptedException {
    String expected = ExpectationCheck.describe(submission);
    Optional<Language> language = TimeLimitInference.languageOf(submission, languages);
    if (language.isEmpty() || !LanguageCatalog.available(language.get())) {
      return new Row(
          problem.id(),
          submission.name(),
          language.map(Language::id).orElse("?"),
          expected,
          "",
          List.of(),
          true,
          Duration.ZERO);
    }
    JudgeResult result = earlier;
    if (result == null) {
      Duration limit =
          submission.timeLimitUse() == ReferenceSubmission.TimeLimitUse.UPPER
              ? CompiledProgram.scale(timeLimit, problem.limits().timeLimitToTle())
              : timeLimit;
      result =
          onSlot(
              slots,
              slot ->
                  judge.judge(
                      problem,
                      language.get(),
                      TimeLimitInference.read(submission, language.get()),
                      limit,
                      null,
                      new JudgeOptions(false, slot),
                      ProgressListener.NONE));
    }
    String actual =
        result.verdict().name()
            + (result.score().isPresent() ? " " + ScoreText.of(result.score().getAsDouble()) : "");
    return new Row(
        problem.id(),
        submission.name(),
        language.get().id(),
        expected,
        actual,
        ExpectationCheck.failures(submission, result),
        false,
        Duration.ofNanos(result.maxCpuNanos()));
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
