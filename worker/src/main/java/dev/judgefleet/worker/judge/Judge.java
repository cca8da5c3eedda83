package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Phase;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.problem.Aggregation;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.problem.TestCase;
import dev.judgefleet.worker.problem.TestGroup;
import dev.judgefleet.worker.sandbox.RunLimits;
import dev.judgefleet.worker.sandbox.RunSpec;
import dev.judgefleet.worker.sandbox.Sandbox;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Judges a submission against a problem package: one sandbox for the submission (its compile and
 * all its tests), one for the output validator when the problem has its own, tests in the order the
 * package gives, then the verdict and score.
 */
public final class Judge implements SubmissionJudge, AutoCloseable {
  private final SandboxEngine engine;
  private final ValidatorCache validators;
  private final Optional<CompileCache> compiled;
  private final ExecutorService interactive =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "interactive-validator");
            t.setDaemon(true);
            return t;
          });

  public Judge(SandboxEngine engine, ValidatorCache validators) {
    this(engine, validators, Optional.empty());
  }

  /**
   * A judge that takes programs compiled before from {@code compiled} (a rejudge compiles none).
   */
  public Judge(SandboxEngine engine, ValidatorCache validators, Optional<CompileCache> compiled) {
    this.engine = engine;
    this.validators = validators;
    this.compiled = compiled;
  }

  /**
   * Builds the problem's output validator ahead of its first submission; nothing for the default
   * validator.
   *
   * @throws ValidatorBuildException if it does not build
   */
  @Override
  public void prepare(ProblemPackage problem, int slot) {
    if (problem.validation().custom()) {
      validators.get(problem, slot);
    }
  }

  /**
   * Judges one submission.
   *
   * @param timeLimit the CPU limit per test, before the language's time factor
   * @param tests the tests to run, or null for the package's own (samples, then secret)
   */
  @Override
  public JudgeResult judge(
      ProblemPackage problem,
      Language language,
      SourceBundle source,
      Duration timeLimit,
      List<TestCase> tests,
      JudgeOptions options,
      ProgressListener progress) {
    long start = System.nanoTime();
    Run run = new Run(problem, timeLimit, start);
    progress.progress(Phase.COMPILING, 0, 0);
    if (source.totalBytes() > problem.limits().codeBytes()) {
      return run.finish(
          Verdict.CE,
          "the source is "
              + source.totalBytes()
              + " bytes, over the limit of "
              + problem.limits().codeBytes(),
          null);
    }
    source = IncludedSources.apply(problem, language, source);
    ProgramBuilder.SourceLayout layout = ProgramBuilder.layout(language, source);
    Optional<String> unbuildable = ProgramBuilder.unbuildable(language, source, layout);
    if (unbuildable.isPresent()) {
      return run.finish(Verdict.CE, unbuildable.get(), null);
    }
    // Only a later pass of a multi-pass problem reads its input from the scratch directory.
    try (ScratchDirectory scratch =
            problem.type().multiPass() ? ScratchDirectory.create("judgefleet-judge-") : null;
        Sandbox sandbox = engine.open(ProgramBuilder.sandboxFor(language, options.slot()))) {
      CompiledProgram program =
          ProgramBuilder.build(sandbox, language, source, layout, compileLimits(problem), compiled);
      if (!program.ok()) {
        return run.finish(
            SubmissionVerdict.compileFailed(program.compile().status()),
            program.compilerOutput(),
            program);
      }
      OutputChecker checker;
      try {
        checker = checker(problem, options.slot());
      } catch (ValidatorBuildException e) {
        return run.finish(Verdict.IE, e.getMessage(), program);
      }
      try (checker) {
        RunSpec spec = program.runSpec(testLimits(problem, timeLimit), false);
        Path passInputs = scratch == null ? null : scratch.path();
        TestExecution.PassStep step =
            problem.type().interactive()
                ? new InteractiveExecution(sandbox, spec, (ValidatorRunner) checker, interactive)
                : TestExecution.batch(sandbox, spec, checker);
        TestExecution execution =
            new TestExecution(
                checker,
                step,
                problem.type().multiPass(),
                problem.limits().validationPasses(),
                passInputs);
        return run.result(walk(problem, tests, execution, options, progress), program);
      }
    }
  }

  /**
   * Judges the answers of a submit-answer problem (2025-09 {@code submit-answer}): nothing is
   * compiled or run, each test's answer file (see {@link AnswerFiles}) is checked as the output.
   *
   * @param tests the tests to check, or null for the package's own (samples, then secret)
   */
  public JudgeResult judgeAnswers(
      ProblemPackage problem,
      SourceBundle answers,
      List<TestCase> tests,
      JudgeOptions options,
      ProgressListener progress) {
    long start = System.nanoTime();
    Run run = new Run(problem, Duration.ZERO, start);
    if (answers.totalBytes() > problem.limits().codeBytes()) {
      return run.finish(
          Verdict.CE,
          "the answers are "
              + answers.totalBytes()
              + " bytes, over the limit of "
              + problem.limits().codeBytes(),
          null);
    }
    try (ScratchDirectory scratch = ScratchDirectory.create("judgefleet-answers-")) {
      OutputChecker checker;
      try {
        checker = checker(problem, options.slot());
      } catch (ValidatorBuildException e) {
        return run.finish(Verdict.IE, e.getMessage(), null);
      }
      try (checker) {
        TestExecution execution =
            new TestExecution(
                checker, new AnswerFiles(answers, checker, scratch.path()), false, 1, null);
        return run.result(walk(problem, tests, execution, options, progress), null);
      }
    }
  }

  /**
   * What running the tests came to: every outcome, and for a legacy package the grade of the whole
   * and of every group.
   */
  private record Walked(
      Map<String, TestOutcome> outcomes,
      Optional<LegacyGrader.Graded> legacy,
      List<ScoreAggregator.GroupResult> groups,
      Map<String, Double> testScores) {}

  /**
   * Runs the tests in judging order, as far as the problem's kind says to go: a legacy package's as
   * its testdata.yaml files say ({@link LegacyGrader}), others by {@link TestWalk}.
   */
  private static Walked walk(
      ProblemPackage problem,
      List<TestCase> tests,
      TestExecution execution,
      JudgeOptions options,
      ProgressListener progress) {
    if (tests == null && problem.legacyGrading().isPresent()) {
      int total = problem.allTests().size();
      LegacyGrader grader =
          new LegacyGrader(execution::run, progress, total, options.runAllTests());
      LegacyGrader.Graded root =
          grader.root(problem.legacyGrading().get(), problem.sample(), problem.secret());
      return new Walked(grader.outcomes(), Optional.of(root), grader.groups(), grader.testScores());
    }
    List<TestGroup> order =
        tests != null ? List.of(inlineGroup(tests)) : List.of(problem.sample(), problem.secret());
    int total = order.stream().mapToInt(g -> g.allTests().size()).sum();
    TestWalk walk =
        new TestWalk(
            execution::run, progress, total, options.runAllTests(), problem.type().scoring());
    for (TestGroup group : order) {
      if (!walk.group(group)) {
        break;
      }
    }
    return new Walked(walk.outcomes(), Optional.empty(), List.of(), Map.of());
  }

  /** The state of one judging, and how it ends. */
  private final class Run {
    private final ProblemPackage problem;
    private final Duration timeLimit;
    private final long start;

    Run(ProblemPackage problem, Duration timeLimit, long start) {
      this.problem = problem;
      this.timeLimit = timeLimit;
      this.start = start;
    }

    JudgeResult finish(Verdict verdict, String message, CompiledProgram program) {
      return finish(verdict, message, program, List.of(), null);
    }

    JudgeResult finish(
        Verdict verdict,
        String message,
        CompiledProgram program,
        List<TestOutcome> tests,
        ScoreAggregator.Scores scores) {
      return new JudgeResult(
          verdict,
          message,
          program,
          tests,
          scores == null ? OptionalDouble.empty() : OptionalDouble.of(scores.score()),
          scores == null ? OptionalDouble.empty() : scores.maxScore(),
          scores == null ? List.of() : scores.groups(),
          scores == null ? Map.of() : scores.testScores(),
          timeLimit,
          problem.contentVersion(),
          Duration.ofNanos(System.nanoTime() - start));
    }

    JudgeResult result(Walked walked, CompiledProgram program) {
      List<TestOutcome> tests = new ArrayList<>(walked.outcomes().values());
      boolean scoring = problem.type().scoring();
      if (walked.legacy().isPresent()) {
        LegacyGrader.Graded root = walked.legacy().get();
        SubmissionVerdict.Decision decision =
            SubmissionVerdict.ofLegacyGrade(root.verdict(), tests, scoring);
        ScoreAggregator.Scores scores =
            scoring
                ? new ScoreAggregator.Scores(
                    root.score(),
                    problem.secret().maxScore(),
                    walked.groups(),
                    walked.testScores(),
                    List.of())
                : null;
        return finish(decision.verdict(), decision.message(), program, tests, scores);
      }
      ScoreAggregator.Scores scores =
          scoring ? ScoreAggregator.aggregate(problem.secret(), walked.outcomes()) : null;
      SubmissionVerdict.Decision decision =
          SubmissionVerdict.ofTests(tests, scoring, scoring ? scores.errors() : List.of());
      return finish(decision.verdict(), decision.message(), program, tests, scores);
    }
  }

  /**
   * The problem's own output validator, sandboxed for this slot, or the default one.
   *
   * @throws ValidatorBuildException if the problem's validator does not build
   */
  private OutputChecker checker(ProblemPackage problem, int slot) {
    return problem.validation().custom()
        ? new ValidatorRunner(engine, problem, validators.get(problem, slot), slot)
        : new DefaultChecker();
  }

  /** The limits of one test: the problem's time and memory, output and a derived wall limit. */
  static RunLimits testLimits(ProblemPackage problem, Duration timeLimit) {
    return RunLimits.forCpu(timeLimit)
        .withMemoryBytes(problem.limits().memoryBytes())
        .withOutputBytes(problem.limits().outputBytes());
  }

  static RunLimits compileLimits(ProblemPackage problem) {
    Duration cpu = problem.limits().compilationTime();
    return ProgramBuilder.COMPILE_LIMITS
        .withCpuTime(cpu)
        .withWallTime(cpu.multipliedBy(2).plusSeconds(1))
        .withMemoryBytes(problem.limits().compilationMemoryBytes());
  }

  /** Tests given inline ("run with custom input"): one pass-fail group of their own. */
  private static TestGroup inlineGroup(List<TestCase> tests) {
    return new TestGroup(
        "inline",
        tests,
        List.of(),
        Aggregation.PASS_FAIL,
        OptionalDouble.empty(),
        List.of(),
        Double.NaN);
  }

  @Override
  public void close() {
    interactive.shutdownNow();
  }
}
