package dev.judgefleet.worker.problem;

import dev.judgefleet.worker.problem.ReferenceSubmission.TimeLimitUse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule each known {@code submissions/} folder implies: the six of 2025-09 "Default
 * directories", legacy's five (its own {@code partially_accepted}), and our own for the verdicts
 * the format lacks.
 *
 * <p>Our folders take no part in time-limit inference: a run stopped for memory, output or a
 * presentation error says nothing about how fast a correct program must be.
 */
final class DefaultFolders {
  private static final Map<String, SubmissionRule> RULES =
      Map.ofEntries(
          spec("accepted", Set.of("AC"), Set.of()),
          spec("rejected", Set.of(), Set.of("RTE", "TLE", "WA")),
          spec("wrong_answer", Set.of("AC", "WA"), Set.of("WA")),
          spec("time_limit_exceeded", Set.of("AC", "TLE"), Set.of("TLE")),
          spec("run_time_error", Set.of("AC", "RTE"), Set.of("RTE")),
          spec("brute_force", Set.of("AC", "RTE", "TLE"), Set.of("RTE", "TLE")),
          compileError("compile_error"),
          // DOMjudge's name for the same folder.
          compileError("compiler_error"),
          ours("memory_limit_exceeded", Set.of("AC", "MLE"), Set.of("MLE")),
          ours("output_limit_exceeded", Set.of("AC", "OLE"), Set.of("OLE")),
          ours("presentation_error", Set.of("AC", "PE"), Set.of("PE")));

  private DefaultFolders() {}

  /**
   * Legacy's folders are about the submission's final verdict, which is how problemtools and
   * DOMjudge check them ("Wrong answer for some test case, but is not too slow and does not crash
   * for any test case"): with judging stopped at the first failure that is the same as the 2025-09
   * rules on a pass-fail problem, and on a scoring problem it lets a legacy grader's verdict decide
   * ({@code always_accept}, {@code accept_if_any_accepted}).
   */
  private static final Map<String, SubmissionRule> LEGACY_RULES =
      Map.of(
          "accepted", SubmissionRule.finalVerdicts(source("accepted"), Set.of("AC")),
          "wrong_answer", SubmissionRule.finalVerdicts(source("wrong_answer"), Set.of("WA")),
          "time_limit_exceeded",
              SubmissionRule.finalVerdicts(source("time_limit_exceeded"), Set.of("TLE")),
          "run_time_error", SubmissionRule.finalVerdicts(source("run_time_error"), Set.of("RTE")),
          "partially_accepted", SubmissionRule.partiallyAccepted(source("partially_accepted")));

  static boolean known(String folder) {
    return RULES.containsKey(folder) || LEGACY_RULES.containsKey(folder);
  }

  static Optional<SubmissionRule> rule(String folder, PackageFormat format) {
    if (format == PackageFormat.LEGACY && LEGACY_RULES.containsKey(folder)) {
      return Optional.of(LEGACY_RULES.get(folder));
    }
    return Optional.ofNullable(RULES.get(folder));
  }

  private static Map.Entry<String, SubmissionRule> spec(
      String folder, Set<String> permitted, Set<String> required) {
    return Map.entry(folder, SubmissionRule.of(source(folder), permitted, required));
  }

  private static Map.Entry<String, SubmissionRule> ours(
      String folder, Set<String> permitted, Set<String> required) {
    return Map.entry(
        folder,
        SubmissionRule.of(source(folder), permitted, required)
            .withUseForTimeLimit(TimeLimitUse.NONE));
  }

  private static Map.Entry<String, SubmissionRule> compileError(String folder) {
    return Map.entry(
        folder,
        SubmissionRule.finalVerdicts(source(folder), Set.of("CE"))
            .withUseForTimeLimit(TimeLimitUse.NONE));
  }

  private static String source(String folder) {
    return "folder " + folder;
  }
}
