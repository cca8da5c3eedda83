package dev.judgefleet.worker.service;

import dev.judgefleet.model.JudgedBy;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.model.VerdictReason;
import dev.judgefleet.worker.judge.JudgeOptions;
import dev.judgefleet.worker.judge.JudgeResult;
import dev.judgefleet.worker.judge.ProgressListener;
import dev.judgefleet.worker.judge.ScratchDirectory;
import dev.judgefleet.worker.judge.SubmissionJudge;
import dev.judgefleet.worker.judge.VerdictEvents;
import dev.judgefleet.worker.judge.VerdictReasons;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.Aggregation;
import dev.judgefleet.worker.problem.OutputValidation;
import dev.judgefleet.worker.problem.PackageFormat;
import dev.judgefleet.worker.problem.ProblemException;
import dev.judgefleet.worker.problem.ProblemHandle;
import dev.judgefleet.worker.problem.ProblemLimits;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.problem.ProblemSource;
import dev.judgefleet.worker.problem.ProblemType;
import dev.judgefleet.worker.problem.ProblemsUnavailableException;
import dev.judgefleet.worker.problem.TestCase;
import dev.judgefleet.worker.problem.TestGroup;
import dev.judgefleet.worker.sandbox.SandboxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Judges a request and always answers with a verdict event: the judge's verdict, or {@code IE} with
 * the reason when the worker cannot judge it (unknown problem, stale version, a language this node
 * lacks, a sandbox that cannot be set up after retries). Knows nothing of Kafka.
 *
 * <p>The one exception: when the problem's package cannot be had now but may be later (the store is
 * unreachable), {@link ProblemsUnavailableException} goes to the caller, who hands the submission
 * back instead of answering it: a store outage delays judging, it never becomes a verdict.
 */
public final class JudgingService {
  private static final Logger LOG = Logger.getLogger(JudgingService.class);

  /**
   * Limits for inline tests of a problem this worker does not have, where the format's defaults (no
   * time limit, 2 GiB, 8 MiB of output) do not suit a quick custom run.
   */
  private static final Duration INLINE_TIME = Duration.ofSeconds(2);

  private static final long INLINE_MEMORY = 256L << 20;
  private static final long INLINE_OUTPUT = 64L << 20;

  /** As large as a submission may be at all ({@code judge.policy.max-source}'s default). */
  private static final long INLINE_CODE = 1L << 20;

  private final SubmissionJudge judge;
  private final LanguageCatalog languages;
  private final ProblemSource problems;
  private final TimeLimits timeLimits;
  private final String node;
  private final String version;
  private final int setupRetries;

  public JudgingService(
      SubmissionJudge judge,
      LanguageCatalog languages,
      ProblemSource problems,
      TimeLimits timeLimits,
      String node,
      String version,
      int setupRetries) {
    this.judge = judge;
    this.languages = languages;
    this.problems = problems;
    this.timeLimits = timeLimits;
    this.node = node;
    this.version = version;
    this.setupRetries = setupRetries;
  }

  /** The outcome of a request: the verdict event and, when it was judged, the full result. */
  public record Outcome(VerdictEvent event, Optional<JudgeResult> result) {}

  /**
   * Judges the request.
   *
   * @throws ProblemsUnavailableException when the package cannot be had now: not judged, retry
   */
  public Outcome judge(JudgeRequest request, int slot, ProgressListener progress) {
    long queuedMs =
        request
            .submittedAt()
            .map(t -> Math.max(0, Instant.now().toEpochMilli() - t.toEpochMilli()))
            .orElse(-1L);
    VerdictEvents.Context context =
        new VerdictEvents.Context(
            request.submissionId(),
            request.attempt(),
            UUID.randomUUID().toString(),
            request.problemId(),
            request.language(),
            new JudgedBy(node, slot, version),
            queuedMs < 0 ? null : queuedMs,
            request.metadata(),
            !request.tests().isEmpty());
    ScratchDirectory scratch = null;
    ProblemHandle handle = null;
    try {
      Optional<Language> language = languages.find(request.language());
      Optional<String> missing =
          language.isEmpty() ? Optional.of("unknown here") : languages.missing(language.get());
      handle = problems.open(request.problemId(), request.problemVersion()).orElse(null);
      Optional<ProblemPackage> stored = Optional.ofNullable(handle).map(ProblemHandle::problem);
      // A submit-answer problem's submission is its answers: its language does not matter.
      boolean answers = stored.map(p -> p.type().submitAnswer()).orElse(false);
      if (!answers && missing.isPresent()) {
        return internalError(
            context,
            VerdictReason.LANGUAGE_UNAVAILABLE,
            "language '"
                + request.language()
                + "' is not available on node "
                + node
                + ": "
                + missing.get());
      }
      if (stored.isPresent()
          && request.problemVersion().isPresent()
          && !request.problemVersion().get().equals(stored.get().contentVersion())) {
        return internalError(
            context,
            VerdictReason.PROBLEM_VERSION_UNAVAILABLE,
            "problem "
                + request.problemId()
                + " is at version "
                + stored.get().contentVersion()
                + " on node "
                + node
                + ", the submission asked for "
                + request.problemVersion().get());
      }
      if (stored.isEmpty() && request.tests().isEmpty()) {
        return internalError(
            context,
            VerdictReason.UNKNOWN_PROBLEM,
            "unknown problem '"
                + request.problemId()
                + "' (no package"
                + " of that name "
                + problems.where()
                + " on node "
                + node
                + ")");
      }
      List<TestCase> inline = null;
      if (!request.tests().isEmpty()) {
        scratch = ScratchDirectory.create("judgefleet-inline-");
        inline = inlineTests(request, scratch.path());
      }
      ProblemPackage problem =
          withOverrides(stored.orElseGet(() -> inlineProblem(request.problemId())), request);
      JudgeResult result =
          answers
              ? judge.judgeAnswers(
                  problem, request.source(), inline, new JudgeOptions(false, slot), progress)
              : judgeWithRetries(
                  problem,
                  language.get(),
                  request,
                  timeLimits.of(problem, request.timeLimit(), slot, () -> {}),
                  inline,
                  slot,
                  progress);
      return new Outcome(VerdictEvents.of(result, context), Optional.of(result));
    } catch (ProblemException e) {
      return internalError(context, VerdictReason.BROKEN_PROBLEM, e.getMessage());
    } catch (ProblemsUnavailableException e) {
      throw e;
    } catch (SandboxException e) {
      return internalError(
          context,
          VerdictReason.SANDBOX_FAILURE,
          "the sandbox could not be set up on node "
              + node
              + " ("
              + (setupRetries + 1)
              + " attempts): "
              + e.getMessage());
    } catch (RuntimeException | IOException e) {
      return internalError(
          context, VerdictReason.JUDGE_FAILURE, "judging failed on node " + node + ": " + e);
    } finally {
      if (scratch != null) {
        scratch.close();
      }
      if (handle != null) {
        handle.close();
      }
    }
  }

  /**
   * Judges, again up to {@code setupRetries} times when a sandbox could not be set up or failed
   * under a run; then the last failure.
   */
  private JudgeResult judgeWithRetries(
      ProblemPackage problem,
      Language language,
      JudgeRequest request,
      Duration timeLimit,
      List<TestCase> tests,
      int slot,
      ProgressListener progress) {
    for (int attempt = 0; ; attempt++) {
      JudgeResult result;
      try {
        result =
            judge.judge(
                problem,
                language,
                request.source(),
                timeLimit,
                tests,
                new JudgeOptions(false, slot),
                progress);
      } catch (SandboxException e) {
        if (attempt >= setupRetries) {
          throw e;
        }
        continue;
      }
      // A run the sandbox failed (IE, never the program's doing) is the node's fault like a
      // sandbox that could not be set up: judged again from the start before it is published.
      if (attempt < setupRetries && VerdictReasons.of(result) == VerdictReason.SANDBOX_FAILURE) {
        LOG.warnf(
            "%s: the sandbox failed under a run (%s); judging again (attempt %d of %d)",
            request.submissionId(), result.message(), attempt + 2, setupRetries + 1);
        continue;
      }
      return result;
    }
  }

  /**
   * Readies a stored problem before its first submission: loads the package, builds its output
   * validator, and derives its time limit when the package sets none (minutes of reference runs
   * that a contestant's submission would otherwise wait for).
   *
   * @return the package's time limit
   * @throws ProblemException if there is no such package or it is broken
   * @throws dev.judgefleet.worker.problem.ProblemsUnavailableException if the store cannot be read
   * @throws dev.judgefleet.worker.judge.ValidatorBuildException if its validator does not build
   */
  public Duration prepare(String problemId, int slot) {
    try (ProblemHandle handle =
        problems
            .open(problemId, Optional.empty())
            .orElseThrow(
                () -> new ProblemException(problemId, null, "no package " + problems.where()))) {
      judge.prepare(handle.problem(), slot);
      return timeLimits.of(handle.problem(), Optional.empty(), slot, () -> {});
    }
  }

  private static ProblemPackage withOverrides(ProblemPackage p, JudgeRequest request) {
    if (request.memoryBytes().isEmpty() && request.outputBytes().isEmpty()) {
      return p;
    }
    ProblemLimits l = p.limits();
    return p.withLimits(
        l.withRunLimits(
            request.memoryBytes().orElse(l.memoryBytes()),
            request.outputBytes().orElse(l.outputBytes())));
  }

  /** A problem that exists only through a submission's inline tests. */
  private static ProblemPackage inlineProblem(String id) {
    ProblemLimits limits =
        ProblemLimits.formatDefaults()
            .withTimeLimit(INLINE_TIME, "inline")
            .withRunLimits(INLINE_MEMORY, INLINE_OUTPUT)
            .withCodeBytes(INLINE_CODE);
    TestGroup none =
        new TestGroup(
            "secret",
            List.of(),
            List.of(),
            Aggregation.PASS_FAIL,
            OptionalDouble.empty(),
            List.of(),
            Double.NaN);
    return new ProblemPackage(
        id,
        id,
        Path.of("/nonexistent"),
        "inline",
        PackageFormat.V2025_09,
        ProblemType.PASS_FAIL,
        limits,
        OutputValidation.defaultValidator(List.of()),
        none,
        none,
        List.of(),
        List.of());
  }

  private static List<TestCase> inlineTests(JudgeRequest request, Path dir) throws IOException {
    List<TestCase> tests = new ArrayList<>();
    int n = 0;
    for (JudgeRequest.InlineTest test : request.tests()) {
      n++;
      Path in = Files.write(dir.resolve(n + ".in"), test.input());
      Path ans =
          test.answer().isPresent()
              ? Files.write(dir.resolve(n + ".ans"), test.answer().get())
              : null;
      tests.add(new TestCase("inline/" + test.name(), in, ans, List.of(), List.of()));
    }
    return tests;
  }

  private static Outcome internalError(
      VerdictEvents.Context context, VerdictReason reason, String message) {
    return new Outcome(VerdictEvents.internalError(context, reason, message), Optional.empty());
  }
}
