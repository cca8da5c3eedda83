package dev.judgefleet.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A program to judge, as a contest site puts it on {@code judge.submissions} (key = submissionId).
 * Its JSON Schema is {@code schemas/submission.schema.json} in this jar.
 *
 * <p>The constructor normalizes (immutable copies, defaults) but rejects no content: a producer's
 * mistakes are reported all at once by {@link SubmissionValidator} against the worker's {@link
 * SubmissionPolicy}, and the id of an invalid submission must survive so that the worker can
 * publish an IE verdict for it. Read submissions from the wire with {@link SubmissionParser}.
 *
 * @param schemaVersion the wire format's version, {@value #SCHEMA_VERSION}
 * @param submissionId the contest site's id, 1 to 128 of {@code A-Z a-z 0-9 . _ : -}
 * @param problemId the problem, same characters
 * @param problemVersion the problem package's content version to judge against, or null for the
 *     worker's current one
 * @param language the language id, one the worker knows
 * @param source the program's text, for single-file programs; exactly one of source and files
 * @param files the program's files, the first being the main one; exactly one of source and files
 * @param limits overrides of the problem's limits, or null
 * @param tests tests to run instead of the problem's ("run with custom input"); empty for the
 *     problem's own
 * @param attempt which judging of this submission (rejudges count up), 1 when not given
 * @param submittedAt when the contestant submitted, or null; the verdict's queuedMs counts from it
 * @param metadata anything the contest site wants back: echoed in the verdict event as given, at
 *     most {@value #MAX_METADATA_BYTES} bytes as JSON
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "schemaVersion",
  "submissionId",
  "problemId",
  "problemVersion",
  "language",
  "source",
  "files",
  "limits",
  "tests",
  "attempt",
  "submittedAt",
  "metadata"
})
public record Submission(
    int schemaVersion,
    String submissionId,
    String problemId,
    String problemVersion,
    String language,
    String source,
    List<SourceFile> files,
    LimitOverrides limits,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<InlineTest> tests,
    int attempt,
    Instant submittedAt,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> metadata) {

  public static final int SCHEMA_VERSION = 1;

  /** The attempt of a submission judged for the first time, and of one that does not say. */
  public static final int FIRST_ATTEMPT = 1;

  /**
   * The metadata's cap, as serialized JSON: it travels back in every verdict event, and a verdict
   * must stay a small message.
   */
  public static final int MAX_METADATA_BYTES = 16 * 1024;

  public Submission {
    // files stays null when absent: "no files" and "an empty list of files" are different mistakes.
    files = files == null ? null : List.copyOf(files);
    tests = tests == null ? List.of() : List.copyOf(tests);
    metadata = metadata == null ? Map.of() : frozenMap(metadata);
  }

  /**
   * How Jackson builds a submission: an absent {@code attempt} means the first, while an explicit 0
   * stays 0 so that the validator reports it instead of it being silently replaced. Nulls inside
   * {@code files} and {@code tests} are type errors, reported with their index by the parser.
   */
  @JsonCreator
  private static Submission fromJson(
      @JsonProperty("schemaVersion") int schemaVersion,
      @JsonProperty("submissionId") String submissionId,
      @JsonProperty("problemId") String problemId,
      @JsonProperty("problemVersion") String problemVersion,
      @JsonProperty("language") String language,
      @JsonProperty("source") String source,
      @JsonProperty("files") @JsonSetter(contentNulls = Nulls.FAIL) List<SourceFile> files,
      @JsonProperty("limits") LimitOverrides limits,
      @JsonProperty("tests") @JsonSetter(contentNulls = Nulls.FAIL) List<InlineTest> tests,
      @JsonProperty("attempt") Integer attempt,
      @JsonProperty("submittedAt") Instant submittedAt,
      @JsonProperty("metadata") Map<String, Object> metadata) {
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
        attempt == null ? FIRST_ATTEMPT : attempt,
        submittedAt,
        metadata);
  }

  // Metadata is free JSON: null values are legal (so Map.copyOf will not do), and nested objects
  // and arrays are copied too, so that nobody can change what will be echoed back.
  private static Map<String, Object> frozenMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), frozen(value)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object frozen(Object value) {
    if (value instanceof Map<?, ?> map) {
      return frozenMap(map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(element -> copy.add(frozen(element)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
