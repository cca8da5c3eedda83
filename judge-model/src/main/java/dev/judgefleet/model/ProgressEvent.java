package dev.judgefleet.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Live progress of a judging, on {@code judge.progress}.
 *
 * @param schemaVersion the wire format's version
 * @param submissionId the submission
 * @param attempt which judging of it
 * @param phase where it is
 * @param test the test being run (1-based) while RUNNING, else null
 * @param of how many tests there are at most, while RUNNING
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressEvent(
    int schemaVersion, String submissionId, int attempt, Phase phase, Integer test, Integer of) {

  public static final int SCHEMA_VERSION = 1;
}
