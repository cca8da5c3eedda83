package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.ProblemLimits;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.problem.ReferenceSubmission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

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

  /**
   * Where the lower-bound runs go: done at once on one slot, or handed to a pool that finds each a
   * slot. A run is given the slot to judge on.
   */
  public interface Runs {
    Future<JudgeResult> submit(IntFunction<JudgeResult> onSlot);
  }

  /** Infers the limit judging the lower-bound submissions one after another on {@code slot}. */
  public static Inferred infer(
      Judge judge, ProblemPackage problem, LanguageCatalog languages, int slot) {
    return infer(
        judge, problem, languages, run -> CompletableFuture.completedFuture(run.apply(slot)));
  }

  /**
   * Infers the limit with the lower-bound submissions' runs handed to {@code runs}, all of them
   * before waiting for any, so that a pool may judge them in parallel.
   */
  public static Inferred infer(
      Judge judge, ProblemPackage problem, LanguageCatalog languages, Runs runs) {
    return infer(judge, problem, languages, runs, CAP);
  }

  /** {@link #infer(Judge, ProblemPackage, LanguageCatalog, Runs)} under another cap. */
  static Inferred infer(
      Judge judge, ProblemPackage problem, LanguageCatalog languages, Runs runs, Duration cap) {
    Map<String, Future<JudgeResult>> pending = new LinkedHashMap<>();
    for (ReferenceSubmission submission : problem.submissions()) {
      if (submission.timeLimitUse() != ReferenceSubmission.TimeLimitUse.LOWER) {
        continue;
      }
      Optional<Language> found = languageOf(submission, languages);
      if (found.isEmpty() || !LanguageCatalog.available(found.get())) {
        continue;
      }
      Language language = found.get();
      pending.put(
          submission.name(),
          runs.submit(
              slot ->
                  judge.judge(
                      problem,
                      language,
                      read(submission, language),
                      cap,
                      null,
                      new JudgeOptions(true, slot),
                      ProgressListener.NONE)));
    }
    Map<String, JudgeResult> results = new LinkedHashMap<>();
    long slowest = 0;
    String slowestRun = "";
    for (Map.Entry<String, Future<JudgeResult>> run : pending.entrySet()) {
      JudgeResult result = Futures.await(run.getValue());
      results.put(run.getKey(), result);
      for (TestOutcome test : result.tests()) {
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

  /** The submission's language: submissions.yaml's, else its first file's extension. */
  public static Optional<Language> languageOf(
      ReferenceSubmission submission, LanguageCatalog languages) {
    if (submission.language().isPresent()) {
      return languages.find(submission.language().get());
    }
    for (var file : submission.files()) {
      Optional<Language> language = languages.forFile(file.getFileName().toString());
      if (language.isPresent()) {
        return language;
      }
    }
    return Optional.empty();
  }

  /**
   * The submission's code: its first file in the language is the main one; the others (of a
   * submission that is a directory) go beside it under their own names.
   */
  public static SourceBundle read(ReferenceSubmission submission, Language language) {
    List<Path> files = submission.files();
    Path main =
        files.stream()
            .filter(f -> language.isSourceFile(f.getFileName().toString()))
            .findFirst()
            .orElse(files.get(0));
    try {
      Map<String, byte[]> others = new LinkedHashMap<>();
      for (Path file : files) {
        if (!file.equals(main)) {
          others.putIfAbsent(file.getFileName().toString(), Files.readAllBytes(file));
        }
      }
      return new SourceBundle(Files.readAllBytes(main), others);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + submission.name(), e);
    }
  }
}
