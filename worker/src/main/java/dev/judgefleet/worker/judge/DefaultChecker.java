package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.model.VerdictReason;
import dev.judgefleet.worker.problem.TestCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The format's default output validator, run in the worker itself: it only reads the answer file
 * and the submission's output file (which the worker created; the program only ever held a
 * descriptor to it), so there is nothing to sandbox. Flags come from each test's validator
 * arguments.
 */
final class DefaultChecker implements OutputChecker {
  private final Map<List<String>, Object> flags = new ConcurrentHashMap<>();

  @Override
  public CheckResult check(TestCase test, Path input, Path teamOutput, int pass) {
    if (test.answer() == null) {
      return CheckResult.of(Verdict.AC, "no answer given: the output is not checked");
    }
    Object parsed =
        flags.computeIfAbsent(
            test.validatorArgs(),
            args -> {
              try {
                return DefaultValidatorFlags.parse(args);
              } catch (IllegalArgumentException e) {
                return e.getMessage();
              }
            });
    if (parsed instanceof String error) {
      return CheckResult.internalError(error);
    }
    try {
      ValidatorOutcome outcome =
          DefaultValidator.validate(test.answer(), teamOutput, (DefaultValidatorFlags) parsed);
      return CheckResult.of(outcome.accepted() ? Verdict.AC : Verdict.WA, outcome.judgeMessage());
    } catch (IOException e) {
      return CheckResult.internalError(
          VerdictReason.JUDGE_FAILURE, "default validator on " + test.name() + ": " + e);
    }
  }
}
