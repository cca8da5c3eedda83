package dev.judgefleet.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the judge saw of the first failing test, for the jury and the operators, never for the
 * contestant (as DOMjudge's jury view shows it): the program's stderr may echo secret test data. A
 * contest site that forwards verdicts to contestants drops this object.
 *
 * @param audience always {@link #JURY}: a marker a consumer can check before showing anything
 * @param test the failing test's name
 * @param verdict its verdict
 * @param exitCode the program's exit code, or null (killed, or never started)
 * @param signal the fatal signal's name, or null
 * @param stderr the first bytes the program wrote to stderr (at most {@link #STDERR_BYTES}), or
 *     null when it wrote nothing
 * @param checkerMessage what the output validator said, or null
 * @param runMessage what the sandbox says of the run ("oom kill", "cannot execute: ...")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Diagnostics(
    String audience,
    String test,
    Verdict verdict,
    Integer exitCode,
    String signal,
    String stderr,
    String checkerMessage,
    String runMessage) {

  /** The audience of every diagnostics object. */
  public static final String JURY = "jury";

  /** How much of the program's stderr a verdict carries. */
  public static final int STDERR_BYTES = 2048;
}
