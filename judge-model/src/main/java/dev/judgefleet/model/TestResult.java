package dev.judgefleet.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of one test case.
 *
 * @param name the test's name ({@code secret/g1/03})
 * @param group the group it belongs to ({@code secret/g1})
 * @param verdict its verdict
 * @param timeMs CPU time of the submission's whole process tree
 * @param wallMs wall time
 * @param memoryBytes peak memory
 * @param exitCode the exit code, or null (killed, or never started)
 * @param signal the fatal signal's name ({@code SIGSEGV}), or null
 * @param checkerMessage what the output validator said to the judges, capped
 * @param score the test's score in a scoring problem, else null
 * @param stdout what the program wrote to stdout, capped: only for a submission's inline tests
 *     ("run with custom input"), never for a problem's own tests, whose data stays secret
 * @param stderr what it wrote to stderr, capped, likewise
 * @param outputTruncated whether stdout or stderr was cut short, when they are given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestResult(
    String name,
    String group,
    Verdict verdict,
    long timeMs,
    long wallMs,
    long memoryBytes,
    Integer exitCode,
    String signal,
    String checkerMessage,
    Double score,
    String stdout,
    String stderr,
    Boolean outputTruncated) {

  /** The result of a test whose output is not echoed back. */
  public TestResult(
      String name,
      String group,
      Verdict verdict,
      long timeMs,
      long wallMs,
      long memoryBytes,
      Integer exitCode,
      String signal,
      String checkerMessage,
      Double score) {
    this(
        name,
        group,
        verdict,
        timeMs,
        wallMs,
        memoryBytes,
        exitCode,
        signal,
        checkerMessage,
        score,
        null,
        null,
        null);
  }
}
