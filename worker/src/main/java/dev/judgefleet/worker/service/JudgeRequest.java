package dev.judgefleet.worker.service;

import dev.judgefleet.worker.judge.SourceBundle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One submission to judge, as the service needs it (the wire's {@code Submission}, decoded).
 *
 * @param source the main source file and the others sent with it
 * @param tests inline tests ("run with custom input"), empty to use the package's
 * @param timeLimit an override of the problem's time limit, already within the worker's policy
 * @param memoryBytes an override of the memory limit
 * @param outputBytes an override of the output limit
 */
public record JudgeRequest(
    String submissionId,
    int attempt,
    String problemId,
    Optional<String> problemVersion,
    String language,
    SourceBundle source,
    List<InlineTest> tests,
    Optional<Duration> timeLimit,
    Optional<Long> memoryBytes,
    Optional<Long> outputBytes,
    Optional<Instant> submittedAt,
    Map<String, Object> metadata) {

  public JudgeRequest {
    Objects.requireNonNull(submissionId, "submissionId");
    tests = List.copyOf(tests);
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** A test given in the submission itself; without an answer, any output is accepted. */
  public record InlineTest(String name, byte[] input, Optional<byte[]> answer) {}
}
