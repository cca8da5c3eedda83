package dev.judgefleet.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of judging one submission, as published on {@code judge.verdicts} (key =
 * submissionId).
 *
 * @param schemaVersion the wire format's version
 * @param submissionId the submission's id
 * @param attempt which judging of it this is (rejudges count up)
 * @param judgingId unique per judging, so a redelivered submission judged twice can be told apart
 * @param problemId the problem
 * @param problemVersion the problem package's content version that was used
 * @param language the language id
 * @param verdict the final verdict
 * @param message why, for IE and CE (and a hint for other verdicts), else null
 * @param reason why an IE verdict is IE, for a machine; null for other verdicts
 * @param score the score (scoring problems), else null
 * @param maxScore the maximum score (scoring problems), else null
 * @param timeMs the largest CPU time of any test
 * @param memoryBytes the largest peak memory of any test
 * @param compile the compile step, or null when the language has none
 * @param tests per-test results, in judging order (tests that were not run are left out)
 * @param groups per-group scores (scoring problems)
 * @param diagnostics the first failing test as the judge saw it, for the jury only; else null
 * @param judgedBy node, slot, version
 * @param judgedAt when the verdict was decided
 * @param queuedMs from submittedAt to the start of judging, when submittedAt was given
 * @param judgeMs from the start of judging to the verdict
 * @param metadata the submission's metadata, echoed back
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "schemaVersion",
  "submissionId",
  "attempt",
  "judgingId",
  "problemId",
  "problemVersion",
  "language",
  "verdict",
  "message",
  "reason",
  "score",
  "maxScore",
  "timeMs",
  "memoryBytes",
  "compile",
  "tests",
  "groups",
  "diagnostics",
  "judgedBy",
  "judgedAt",
  "queuedMs",
  "judgeMs",
  "metadata"
})
public record VerdictEvent(
    int schemaVersion,
    String submissionId,
    int attempt,
    String judgingId,
    String problemId,
    String problemVersion,
    String language,
    Verdict verdict,
    String message,
    VerdictReason reason,
    Double score,
    Double maxScore,
    long timeMs,
    long memoryBytes,
    CompileInfo compile,
    List<TestResult> tests,
    List<GroupScore> groups,
    Diagnostics diagnostics,
    JudgedBy judgedBy,
    Instant judgedAt,
    Long queuedMs,
    long judgeMs,
    Map<String, Object> metadata) {

  public static final int SCHEMA_VERSION = 1;

  public VerdictEvent {
    tests = tests == null ? List.of() : List.copyOf(tests);
    groups = groups == null ? null : List.copyOf(groups);
  }
}
