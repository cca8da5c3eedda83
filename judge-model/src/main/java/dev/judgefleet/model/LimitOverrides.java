package dev.judgefleet.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Limits a producer asks for instead of the problem's own. Each is optional (null keeps the
 * problem's), and each is bounded by the worker's {@link SubmissionPolicy}: a submission asking for
 * more is rejected, never silently clamped, so the contest site learns that its setting was not
 * used.
 *
 * @param timeMs CPU time per test, in milliseconds
 * @param memoryBytes peak memory per test
 * @param outputBytes output per test
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LimitOverrides(Long timeMs, Long memoryBytes, Long outputBytes) {}
