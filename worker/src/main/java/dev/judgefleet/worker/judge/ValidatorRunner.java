package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictReason;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.problem.TestCase;
import dev.judgefleet.worker.sandbox.Bind;
import dev.judgefleet.worker.sandbox.Redirect;
import dev.judgefleet.worker.sandbox.RunCause;
import dev.judgefleet.worker.sandbox.RunLimits;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunSpec;
import dev.judgefleet.worker.sandbox.RunStatus;
import dev.judgefleet.worker.sandbox.Sandbox;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import dev.judgefleet.worker.sandbox.SandboxSpec;
import dev.judgefleet.worker.sandbox.WorkFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a problem's own output validator, sandboxed like any program, in a sandbox of its own (its
 * own uid) that sees the package read-only at {@code /problem}. One per judging; the feedback
 * directory is fresh for every test and kept across a test's passes.
 */
public final class ValidatorRunner implements OutputChecker {
  static final String PROBLEM_DIR = "/problem";
  private static final int FEEDBACK_BYTES = 64 * 1024;
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private final ProblemPackage problem;
  private final ValidatorProgram program;
  private final Sandbox sandbox;
  private final RunLimits limits;
  private int tests;
  private String feedbackDir;

  public ValidatorRunner(
      SandboxEngine engine, ProblemPackage problem, ValidatorProgram program, int slot) {
    this.problem = problem;
    this.program = program;
    SandboxSpec spec =
        program.sandbox(slot).withBinds(List.of(new Bind(problem.root(), PROBLEM_DIR, false)));
    this.sandbox = engine.open(spec);
    try {
      sandbox.writeWorkFiles(program.files());
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
    var l = problem.limits();
    this.limits =
        RunLimits.forCpu(l.validationTime())
            .withMemoryBytes(l.validationMemoryBytes())
            .withOutputBytes(Math.max(l.validationOutputBytes(), 1L << 20));
  }

  @Override
  public void startTest(TestCase test) {
    feedbackDir = "feedback-" + (++tests);
    sandbox.makeWorkDirs(feedbackDir);
  }

  @Override
  public CheckResult check(TestCase test, Path input, Path teamOutput, int pass) {
    RunSpec spec =
        RunSpec.of(arguments(test, input, pass), limits)
            // The output file is the worker's own (root's, read-only to every sandbox uid): the
            // validator may read it as it is, and a testlib checker may reopen /dev/stdin.
            .withStdin(new Redirect.HostFile(teamOutput))
            .withWorkWritable(true);
    return interpret(sandbox.run(spec));
  }

  /**
   * The validator's side of an interactive pass: its stdin is the submission's stdout, its stdout
   * the submission's stdin. Its wall limit covers the submission's, which it waits for.
   */
  public RunSpec interactiveSpec(
      TestCase test,
      Path input,
      int pass,
      Redirect.Pipe fromSubmission,
      Redirect.Pipe toSubmission,
      Duration submissionWall) {
    Duration wall = limits.wallTime().plus(submissionWall);
    return RunSpec.of(arguments(test, input, pass), limits.withWallTime(wall))
        .withStdin(fromSubmission)
        .withStdout(toSubmission)
        .withWorkWritable(true);
  }

  /** Runs the validator with a spec from {@link #interactiveSpec}. */
  public RunResult run(RunSpec spec) {
    return sandbox.run(spec);
  }

  /** Asks a validator run under way to stop (the submission's side already decided). */
  public void requestKill() {
    sandbox.requestKill();
  }

  /** The judgement in a validator run's exit, with its feedback files. */
  public CheckResult interpret(RunResult result) {
    String stderr = result.stderr().headText();
    if (result.status() == RunStatus.IE) {
      return CheckResult.internalError(
          VerdictReason.SANDBOX_FAILURE, "output validator could not run: " + result.causeDetail());
    }
    boolean exited =
        result.status() == RunStatus.OK
            || (result.status() == RunStatus.RE && result.cause() == RunCause.EXIT_CODE);
    if (!exited) {
      return CheckResult.internalError(
          "output validator "
              + result.status()
              + " ("
              + result.causeDetail()
              + "): "
              + Messages.cap(stderr));
    }
    int code = result.exitCode();
    if (program.protocol() == ValidatorProgram.Protocol.TESTLIB) {
      Optional<Verdict> verdict = TestVerdict.testlib(code);
      if (verdict.isEmpty()) {
        return CheckResult.internalError(
            "checker failed (exit code " + code + "): " + Messages.cap(stderr));
      }
      return new CheckResult(
          verdict.get(),
          Messages.cap(stderr.strip()),
          "",
          code == 7 ? firstNumber(stderr) : OptionalDouble.empty(),
          OptionalDouble.empty(),
          Optional.empty());
    }
    String judgeMessage = feedback("judgemessage.txt").orElse("");
    String teamMessage = feedback("teammessage.txt").orElse("");
    Optional<byte[]> nextPass = feedbackBytes("nextpass.in", limits.outputBytes());
    Optional<Verdict> verdict = TestVerdict.kattis(code);
    if (verdict.isEmpty()) {
      return CheckResult.internalError(
          "output validator exited with code "
              + code
              + " (42 accepts, 43 rejects): "
              + Messages.cap(judgeMessage + stderr));
    }
    if (verdict.get() != Verdict.AC && nextPass.isPresent()) {
      return CheckResult.internalError("output validator wrote nextpass.in but did not accept");
    }
    if (nextPass.isPresent()) {
      sandbox.removeWorkFile(feedbackDir + "/nextpass.in");
    }
    OptionalDouble score = parseScore("score.txt");
    OptionalDouble multiplier = parseScore("score_multiplier.txt");
    if (score == null || multiplier == null) {
      return CheckResult.internalError("output validator wrote an unreadable score file");
    }
    if (score.isPresent() && multiplier.isPresent()) {
      return CheckResult.internalError(
          "output validator wrote both score.txt and score_multiplier.txt");
    }
    return new CheckResult(
        verdict.get(),
        Messages.cap(judgeMessage),
        Messages.cap(teamMessage),
        score,
        multiplier,
        nextPass);
  }

  private List<String> arguments(TestCase test, Path input, int pass) {
    List<String> argv = new ArrayList<>(program.argv());
    // A later pass's input is the previous pass's nextpass.in, on the host: the validator gets a
    // copy.
    String in =
        pass == 1 ? inSandbox(input, "in") : stage(input, feedbackDir + "-pass" + pass + ".in");
    String answer = inSandbox(test.answer(), "ans");
    if (program.protocol() == ValidatorProgram.Protocol.TESTLIB) {
      argv.addAll(List.of(in, "/dev/stdin", answer));
    } else {
      argv.addAll(List.of(in, answer, "/box/" + feedbackDir + "/"));
      argv.addAll(test.validatorArgs());
    }
    return argv;
  }

  /**
   * The path of a test file inside the validator's sandbox: under /problem for the package's own
   * files; a copy in /box for files from elsewhere (inline tests), and an empty file for a missing
   * answer.
   */
  private String inSandbox(Path file, String kind) {
    if (file != null && file.startsWith(problem.root())) {
      return PROBLEM_DIR + "/" + problem.root().relativize(file);
    }
    return stage(file, feedbackDir + "." + kind);
  }

  /** Copies a host file (or nothing, for null) into the validator's /box. */
  private String stage(Path file, String name) {
    try {
      sandbox.writeWorkFile(name, file == null ? new byte[0] : Files.readAllBytes(file), 0644);
    } catch (IOException e) {
      throw new UncheckedIOException("staging " + file, e);
    }
    return "/box/" + name;
  }

  private Optional<String> feedback(String name) {
    return feedbackBytes(name, FEEDBACK_BYTES).map(Messages::text);
  }

  /** A feedback file, if the validator wrote one; links and oversize files are refused. */
  private Optional<byte[]> feedbackBytes(String name, long cap) {
    String path = feedbackDir + "/" + name;
    if (!Files.exists(sandbox.workDir().resolve(path), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(sandbox.readWorkFile(path, cap));
    } catch (WorkFileException e) {
      return Optional.of(("[unreadable " + name + ": " + e.getMessage() + "]").getBytes());
    }
  }

  /** Empty if absent, null if unreadable. */
  private OptionalDouble parseScore(String name) {
    Optional<String> text = feedback(name);
    if (text.isEmpty()) {
      return OptionalDouble.empty();
    }
    try {
      double value = Double.parseDouble(text.get().strip());
      return value >= 0 && Double.isFinite(value) ? OptionalDouble.of(value) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static OptionalDouble firstNumber(String text) {
    Matcher m = NUMBER.matcher(text);
    return m.find() ? OptionalDouble.of(Double.parseDouble(m.group())) : OptionalDouble.empty();
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
