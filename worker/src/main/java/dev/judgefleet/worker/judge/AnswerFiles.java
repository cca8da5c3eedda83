package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.problem.TestCase;
import dev.judgefleet.worker.sandbox.CapturedOutput;
import dev.judgefleet.worker.sandbox.RunCause;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pass of a submit-answer problem (2025-09 {@code submit-answer}): the submission is the
 * output. A test's answer is the submission's file named after the test's base name ({@code
 * 03.out}, {@code 03.ans}, {@code 03.txt} or {@code 03} for {@code secret/g1/03}); a submission of
 * one file answers every test with it. Nothing runs: the file goes to the output check as it is.
 */
final class AnswerFiles implements TestExecution.PassStep {
  private static final List<String> EXTENSIONS = List.of(".out", ".ans", ".txt", "");

  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final OutputChecker checker;
  private final Path scratch;
  private int written;

  /**
   * @param scratch a worker-private directory for the answers handed to the checker
   */
  AnswerFiles(SourceBundle submission, OutputChecker checker, Path scratch) {
    files.put(submission.mainFileName().orElse("answer"), submission.main());
    files.putAll(submission.others());
    this.checker = checker;
    this.scratch = scratch;
  }

  /** The answer for {@code test}, if the submission has one. */
  Optional<byte[]> answerFor(TestCase test) {
    if (files.size() == 1) {
      return Optional.of(files.values().iterator().next());
    }
    String base = test.name().substring(test.name().lastIndexOf('/') + 1);
    for (String extension : EXTENSIONS) {
      byte[] answer = files.get(base + extension);
      if (answer != null) {
        return Optional.of(answer);
      }
    }
    return Optional.empty();
  }

  @Override
  public TestExecution.Pass run(TestCase test, Path input, int pass) {
    Optional<byte[]> answer = answerFor(test);
    if (answer.isEmpty()) {
      String base = test.name().substring(test.name().lastIndexOf('/') + 1);
      return new TestExecution.Pass(
          Verdict.WA,
          result(null, 0),
          CheckResult.of(
              Verdict.WA,
              "no answer for "
                  + test.name()
                  + ": the submission has no file "
                  + base
                  + ".out, "
                  + base
                  + ".ans, "
                  + base
                  + ".txt or "
                  + base));
    }
    Path file = scratch.resolve("answer-" + (++written));
    try {
      Files.write(file, answer.get());
    } catch (IOException e) {
      throw new UncheckedIOException("writing the answer for " + test.name() + " to " + file, e);
    }
    CheckResult check = checker.check(test, input, file, pass);
    return new TestExecution.Pass(check.verdict(), result(file, answer.get().length), check);
  }

  /** What stands for a run: nothing ran, the answer is the output. */
  private static RunResult result(Path file, long bytes) {
    CapturedOutput output =
        file == null ? CapturedOutput.NONE : new CapturedOutput(file, bytes, false, new byte[0]);
    return new RunResult(
        RunStatus.OK,
        RunCause.NONE,
        null,
        null,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ZERO,
        0,
        false,
        0,
        output,
        CapturedOutput.NONE,
        Duration.ZERO,
        null,
        null,
        0);
  }
}
