package dev.judgefleet.model;

/**
 * The compile step of a judging.
 *
 * @param ok whether it produced a program
 * @param output the compiler's output, capped
 * @param timeMs its CPU time in milliseconds
 */
public record CompileInfo(boolean ok, String output, long timeMs) {}
