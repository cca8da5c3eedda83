package dev.judgefleet.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A valid single-file submission to start from; each test changes what it is about. */
final class SubmissionBuilder {
  private int schemaVersion = Submission.SCHEMA_VERSION;
  private String submissionId = "contest:team1:0001";
  private String problemId = "hello";
  private String problemVersion;
  private String language = "cpp";
  private String source = "int main() { return 0; }\n";
  private List<SourceFile> files;
  private LimitOverrides limits;
  private List<InlineTest> tests;
  private int attempt = Submission.FIRST_ATTEMPT;
  private Instant submittedAt;
  private Map<String, Object> metadata;

  SubmissionBuilder schemaVersion(int value) {
    schemaVersion = value;
    return this;
  }

  SubmissionBuilder submissionId(String value) {
    submissionId = value;
    return this;
  }

  SubmissionBuilder problemId(String value) {
    problemId = value;
    return this;
  }

  SubmissionBuilder problemVersion(String value) {
    problemVersion = value;
    return this;
  }

  SubmissionBuilder language(String value) {
    language = value;
    return this;
  }

  SubmissionBuilder source(String value) {
    source = value;
    return this;
  }

  /** Files instead of source. */
  SubmissionBuilder files(SourceFile... value) {
    source = null;
    files = List.of(value);
    return this;
  }

  SubmissionBuilder limits(Long timeMs, Long memoryBytes, Long outputBytes) {
    limits = new LimitOverrides(timeMs, memoryBytes, outputBytes);
    return this;
  }

  SubmissionBuilder tests(List<InlineTest> value) {
    tests = value;
    return this;
  }

  SubmissionBuilder attempt(int value) {
    attempt = value;
    return this;
  }

  SubmissionBuilder metadata(Map<String, Object> value) {
    metadata = value;
    return this;
  }

  Submission build() {
    return new Submission(
        schemaVersion,
        submissionId,
        problemId,
        problemVersion,
        language,
        source,
        files,
        limits,
        tests,
        attempt,
        submittedAt,
        metadata);
  }
}
