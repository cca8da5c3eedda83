package dev.judgefleet.worker.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.model.VerdictReason;
import dev.judgefleet.worker.judge.DerivedTimeLimits;
import dev.judgefleet.worker.judge.JudgeOptions;
import dev.judgefleet.worker.judge.JudgeResult;
import dev.judgefleet.worker.judge.JudgeResults;
import dev.judgefleet.worker.judge.ProgressListener;
import dev.judgefleet.worker.judge.SourceBundle;
import dev.judgefleet.worker.judge.SubmissionJudge;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.ProblemHandle;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.problem.ProblemSource;
import dev.judgefleet.worker.problem.ProblemsUnavailableException;
import dev.judgefleet.worker.problem.TestCase;
import dev.judgefleet.worker.sandbox.SandboxException;
import dev.judgefleet.worker.sandbox.SetupError;
import dev.judgefleet.worker.sandbox.plan.StepPhase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's own decisions, with a judge that runs nothing: which problem and limits a request
 * gets, which {@code IE} (and whose fault) when it cannot be judged, and how often a sandbox is set
 * up again. Real runs are the ITs' business.
 */
class JudgingServiceTest {
  @TempDir Path tmp;

  private final LanguageCatalog languages =
      LanguageCatalog.fromRecipes(LanguageCatalog.recipesDirectory(Optional.empty()));
  private final RecordingJudge judge = new RecordingJudge();
  private final Map<String, ProblemPackage> packages = new java.util.HashMap<>();
  private boolean storeDown;

  /** A store of the packages above; down when {@code storeDown} says so. */
  private final ProblemSource problems =
      new ProblemSource() {
        @Override
        public Optional<ProblemHandle> open(String id, Optional<String> version) {
          if (storeDown) {
            throw new ProblemsUnavailableException("store unreachable", null);
          }
          return Optional.ofNullable(packages.get(id)).map(ProblemHandle::of);
        }

        @Override
        public String where() {
          return "in the test's map";
        }
      };

  @BeforeEach
  void packages() throws Exception {
    packages.put("timed", Packages.withTimeLimit(tmp, "timed", "1.5"));
  }

  private JudgingService service(int setupRetries) {
    TimeLimits limits =
        new TimeLimits(
            new DerivedTimeLimits(tmp.resolve("state")), (problem, slot) -> Duration.ofSeconds(9));
    return new JudgingService(judge, languages, problems, limits, "node-a", "1.2.3", setupRetries);
  }

  private static JudgeRequest request(
      String problem,
      Optional<String> version,
      String language,
      List<JudgeRequest.InlineTest> tests) {
    return new JudgeRequest(
        "sub-1",
        1,
        problem,
        version,
        language,
        SourceBundle.of("print(3)\n".getBytes(StandardCharsets.UTF_8)),
        tests,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(Instant.now()),
        Map.of("site", "s"));
  }

  /**
   * A python3 submission to "timed", judged by a service that retries {@code setupRetries} times.
   */
  private VerdictEvent judgedWithRetries(int setupRetries) {
    return service(setupRetries)
        .judge(request("timed", Optional.empty(), "python3", List.of()), 0, ProgressListener.NONE)
        .event();
  }

  private VerdictEvent judged(JudgeRequest request) {
    return service(2).judge(request, 1, ProgressListener.NONE).event();
  }

  @Test
  void anAcceptedJudgingCarriesTheRequestAndTheNode() {
    VerdictEvent e = judged(request("timed", Optional.empty(), "python3", List.of()));
    assertEquals(Verdict.AC, e.verdict());
    assertNull(e.reason());
    assertEquals("sub-1", e.submissionId());
    assertEquals("node-a", e.judgedBy().node());
    assertEquals(1, e.judgedBy().slot());
    assertEquals(Map.of("site", "s"), e.metadata());
    assertEquals(Duration.ofMillis(1500), judge.timeLimits.get(0));
    assertNull(judge.tests.get(0), "the package's own tests");
  }

  @Test
  void anUnknownLanguageIsTheNodesIeAndNothingRuns() {
    VerdictEvent e = judged(request("timed", Optional.empty(), "cobol", List.of()));
    assertEquals(Verdict.IE, e.verdict());
    assertEquals(VerdictReason.LANGUAGE_UNAVAILABLE, e.reason());
    assertTrue(e.message().contains("'cobol'") && e.message().contains("node-a"), e.message());
    assertEquals(0, judge.calls);
  }

  @Test
  void anotherVersionThanTheNodeHasIsNotJudged() {
    String have = packages.get("timed").contentVersion();
    VerdictEvent e = judged(request("timed", Optional.of("v-other"), "python3", List.of()));
    assertEquals(VerdictReason.PROBLEM_VERSION_UNAVAILABLE, e.reason());
    assertTrue(e.message().contains(have) && e.message().contains("v-other"), e.message());
    assertEquals(0, judge.calls);
    // The version it has is judged.
    assertEquals(
        Verdict.AC, judged(request("timed", Optional.of(have), "python3", List.of())).verdict());
  }

  @Test
  void anUnknownProblemWithoutInlineTestsIsTheSubmittersIe() {
    VerdictEvent e = judged(request("nope", Optional.empty(), "python3", List.of()));
    assertEquals(VerdictReason.UNKNOWN_PROBLEM, e.reason());
    assertEquals(VerdictReason.Party.SUBMITTER, e.reason().party());
    assertTrue(e.message().contains("'nope'") && e.message().contains("in the test's map"));
    assertEquals(0, judge.calls);
  }

  @Test
  void inlineTestsOfAnUnknownProblemRunUnderTheInlineLimits() throws Exception {
    List<JudgeRequest.InlineTest> tests =
        List.of(
            new JudgeRequest.InlineTest("a", "1 2\n".getBytes(), Optional.of("3\n".getBytes())),
            new JudgeRequest.InlineTest("b", "5\n".getBytes(), Optional.empty()));
    VerdictEvent e = judged(request("scratch", Optional.empty(), "python3", tests));
    assertEquals(Verdict.AC, e.verdict());
    ProblemPackage inline = judge.problems.get(0);
    assertEquals("scratch", inline.id());
    assertEquals(Duration.ofSeconds(2), judge.timeLimits.get(0));
    assertEquals(256L << 20, inline.limits().memoryBytes());
    assertEquals(64L << 20, inline.limits().outputBytes());
    assertEquals(1L << 20, inline.limits().codeBytes());
    List<TestCase> ran = judge.tests.get(0);
    assertEquals(2, ran.size());
    assertEquals("1 2\n", judge.inputs.get(0));
  }

  @Test
  void inlineTestsOfAKnownProblemUseItsLimits() {
    List<JudgeRequest.InlineTest> tests =
        List.of(new JudgeRequest.InlineTest("a", "1 2\n".getBytes(), Optional.empty()));
    judged(request("timed", Optional.empty(), "python3", tests));
    assertEquals(Duration.ofMillis(1500), judge.timeLimits.get(0));
    assertEquals(1, judge.tests.get(0).size());
  }

  @Test
  void aSandboxThatFailsToSetUpIsTriedAgainThenTheNodesIe() {
    judge.setupFailures = 2;
    assertEquals(Verdict.AC, judgedWithRetries(2).verdict());
    assertEquals(3, judge.calls);

    judge.calls = 0;
    judge.setupFailures = 3;
    VerdictEvent e = judgedWithRetries(2);
    assertEquals(VerdictReason.SANDBOX_FAILURE, e.reason());
    assertEquals(VerdictReason.Party.JUDGE, e.reason().party());
    assertTrue(e.message().contains("3 attempts") && e.message().contains("EAGAIN"), e.message());
    assertEquals(3, judge.calls);
  }

  @Test
  void aRunTheSandboxFailedIsJudgedAgainThenTheNodesIe() {
    judge.runFailures = 2;
    assertEquals(Verdict.AC, judgedWithRetries(2).verdict());
    assertEquals(3, judge.calls);

    judge.calls = 0;
    judge.runFailures = 3;
    VerdictEvent e = judgedWithRetries(2);
    assertEquals(Verdict.IE, e.verdict());
    assertEquals(VerdictReason.SANDBOX_FAILURE, e.reason());
    assertEquals(3, judge.calls);

    judge.calls = 0;
    judge.runFailures = 1;
    assertEquals(VerdictReason.SANDBOX_FAILURE, judgedWithRetries(0).reason());
    assertEquals(1, judge.calls);
  }

  @Test
  void aStoreOutageIsHandedBackNotAnswered() {
    storeDown = true;
    assertThrows(
        ProblemsUnavailableException.class,
        () ->
            service(2)
                .judge(
                    request("timed", Optional.empty(), "python3", List.of()),
                    0,
                    ProgressListener.NONE));
    assertEquals(0, judge.calls);
  }

  @Test
  void aJudgeThatThrowsIsTheJudgesIeNamingTheNode() {
    judge.crash = new IllegalStateException("disk full");
    VerdictEvent e = judged(request("timed", Optional.empty(), "python3", List.of()));
    assertEquals(VerdictReason.JUDGE_FAILURE, e.reason());
    assertTrue(e.message().contains("node-a") && e.message().contains("disk full"), e.message());
  }

  /** A judge that runs nothing: it records what it was asked and answers AC. */
  private static final class RecordingJudge implements SubmissionJudge {
    int calls;
    int setupFailures;
    int runFailures;
    RuntimeException crash;
    final List<ProblemPackage> problems = new ArrayList<>();
    final List<Duration> timeLimits = new ArrayList<>();
    final List<List<TestCase>> tests = new ArrayList<>();
    final List<String> inputs = new ArrayList<>();

    @Override
    public void prepare(ProblemPackage problem, int slot) {}

    @Override
    public JudgeResult judge(
        ProblemPackage problem,
        Language language,
        SourceBundle source,
        Duration timeLimit,
        List<TestCase> tests,
        JudgeOptions options,
        ProgressListener progress) {
      calls++;
      if (crash != null) {
        throw crash;
      }
      if (setupFailures-- > 0) {
        throw new SandboxException(new SetupError(StepPhase.SETUP, 3, "clone", 11, "EAGAIN"));
      }
      if (runFailures-- > 0) {
        return JudgeResults.sandboxFailed(problem, timeLimit);
      }
      problems.add(problem);
      timeLimits.add(timeLimit);
      this.tests.add(tests);
      if (tests != null && !tests.isEmpty()) {
        try {
          // The inline inputs are files for the judge to read while the judging lasts.
          inputs.add(Files.readString(tests.get(0).input()));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return JudgeResults.accepted(problem, timeLimit);
    }

    @Override
    public JudgeResult judgeAnswers(
        ProblemPackage problem,
        SourceBundle answers,
        List<TestCase> tests,
        JudgeOptions options,
        ProgressListener progress) {
      return judge(problem, null, answers, Duration.ZERO, tests, options, progress);
    }
  }
}
