package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.ProblemLimits;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.problem.ReferenceSubmission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives a time limit from the reference submissions, as the format defines it when a package
 * gives none: the smallest multiple of {@code time_resolution} that is at least the slowest run of
 * any submission used as a lower bound (accepted, by default) times {@code ac_to_time_limit}. Those
 * submissions run every test under a generous cap, so their slowest run is known.
 */
public final class TimeLimitInference {
  /** How long a reference run may take while the limit is being found. */
  public static final Duration CAP = Duration.ofSeconds(10);

  private TimeLimitInference() {}

  /**
   * @param timeLimit the derived limit
   * @param slowestNanos the slowest lower-bound run
   * @param runs the lower-bound submissions' results under the cap, by submission name
   * @param slowestRun which submission's run on which test was the slowest ({@code accepted/sol.py
   *     on secret/03}), for messages
   */
  public record Inferred(
      Duration timeLimit, long slowestNanos, Map<String, JudgeResult> runs, String slowestRun) {}

  /**
   * The time limit cannot be derived: a submission that bounds it from below ran into the cap, or
   * none could be run. An {@link IllegalStateException}, so that callers that report a broken
   * package report this too.
   */
  public static final class DerivationFailed extends IllegalStateException {
    DerivationFailed(String message) {
      super(message);
    }
  }

  /** A submission that bounds the limit from below, in a language this host runs. */
  public record LowerBound(ReferenceSubmission submission, Language language) {
    /** Its run on every test under {@code cap}, on {@code slot}. */
    public JudgeResult judge(Judge judge, ProblemPackage problem, Duration cap, int slot) {
      return judge.judge(
          problem,
          language,
          ReferenceSources.read(submission, language, problem.constants()),
          cap,
          null,
          new JudgeOptions(true, slot),
          ProgressListener.NONE);
    }
  }

  /** Infers the limit judging the lower-bound submissions one after another on {@code slot}. */
  public static Inferred infer(
      Judge judge, ProblemPackage problem, LanguageCatalog languages, int slot) {
    return infer(judge, problem, languages, slot, CAP);
  }

  /** {@link #infer(Judge, ProblemPackage, LanguageCatalog, int)} under another cap. */
  static Inferred infer(
      Judge judge, ProblemPackage problem, LanguageCatalog languages, int slot, Duration cap) {
    Map<String, JudgeResult> results = new LinkedHashMap<>();
    for (LowerBound bound : lowerBounds(problem, languages)) {
      results.put(bound.submission().name(), bound.judge(judge, problem, cap, slot));
    }
    return fromRuns(problem, results, cap);
  }

  /** The submissions that bound the limit from below and that this host can run. */
  public static List<LowerBound> lowerBounds(ProblemPackage problem, LanguageCatalog languages) {
    List<LowerBound> bounds = new ArrayList<>();
    for (ReferenceSubmission submission : problem.submissions()) {
      if (submission.timeLimitUse() != ReferenceSubmission.TimeLimitUse.LOWER) {
        continue;
      }
      ReferenceSources.Detected found = ReferenceSources.languageOf(submission, languages);
      if (found.available()) {
        bounds.add(new LowerBound(submission, found.language().get()));
      }
    }
    return bounds;
  }

  /**
   * The limit the lower-bound submissions' runs under {@code cap} give.
   *
   * @param results each lower-bound submission's result, by name
   * @throws DerivationFailed if one ran into the cap, or none ran at all
   */
  public static Inferred fromRuns(
      ProblemPackage problem, Map<String, JudgeResult> results, Duration cap) {
    long slowest = 0;
    String slowestRun = "";
    for (Map.Entry<String, JudgeResult> run : results.entrySet()) {
      for (TestOutcome test : run.getValue().tests()) {
        if (test.verdict() == Verdict.TLE) {
          // Its true run time is unknown: any limit made from the cap would be made up.
          throw new DerivationFailed(
              "problem "
                  + problem.id()
                  + ": cannot derive the time limit: "
                  + run.getKey()
                  + " bounds it from below but ran into the "
                  + cap.toMillis() / 1000.0
                  + " s derivation cap on "
                  + test.test().name()
                  + " ("
                  + test.run().causeDetail()
                  + "); make it faster, change its folder or use_for_time_limit, or give"
                  + " limits.time_limit");
        }
        if (test.cpuNanos() > slowest) {
          slowest = test.cpuNanos();
          slowestRun = run.getKey() + " on " + test.test().name();
        }
      }
    }
    if (results.values().stream().allMatch(r -> r.tests().isEmpty())) {
      throw new DerivationFailed(
          "problem "
              + problem.id()
              + " has no time limit and no "
              + (results.isEmpty() ? "" : "runnable ")
              + "submission that must be accepted (or otherwise bounds it from below) and that this"
              + " host can run to derive one from"
              + (results.isEmpty() ? "" : ": " + firstFailure(results)));
    }
    return new Inferred(limitFor(slowest, problem.limits()), slowest, results, slowestRun);
  }

  private static String firstFailure(Map<String, JudgeResult> results) {
    Map.Entry<String, JudgeResult> first = results.entrySet().iterator().next();
    return first.getKey() + " got " + first.getValue().verdict() + " " + first.getValue().message();
  }

  /** The smallest multiple of the resolution at least {@code slowest} × ac_to_time_limit. */
  public static Duration limitFor(long slowestNanos, ProblemLimits limits) {
    long resolution = limits.timeResolution().toNanos();
    double needed = slowestNanos * limits.acToTimeLimit();
    long steps = Math.max(1, (long) Math.ceil(needed / resolution - 1e-9));
    return Duration.ofNanos(steps * resolution);
  }
}
