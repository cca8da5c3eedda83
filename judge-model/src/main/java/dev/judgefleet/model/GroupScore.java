package dev.judgefleet.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A test group's score in a scoring problem.
 *
 * @param name the group ({@code secret/group1})
 * @param score its score
 * @param maxScore its maximum, or null when unbounded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupScore(String name, double score, Double maxScore) {}
