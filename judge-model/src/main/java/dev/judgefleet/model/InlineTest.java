package dev.judgefleet.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A test given with the submission ("run with custom input"), judged instead of the problem's
 * tests.
 *
 * @param name the test's name, as it appears in the verdict's test results
 * @param input what the program reads on stdin
 * @param answer the expected output, checked like a problem test's answer; null to only run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InlineTest(String name, String input, String answer) {}
