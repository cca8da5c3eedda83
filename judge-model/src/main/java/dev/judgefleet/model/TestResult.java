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
    Double score) {}
