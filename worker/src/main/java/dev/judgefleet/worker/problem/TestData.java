package dev.judgefleet.worker.problem;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The test data as loaded: the two top-level groups, and how a legacy package grades them together
 * ({@code data/testdata.yaml}; empty for 2023-07 and later).
 */
record TestData(TestGroup sample, TestGroup secret, Optional<LegacyGrading> rootGrading) {

  /** Every group's and test case's name: what a test glob of submissions.yaml may match. */
  Set<String> names() {
    Set<String> names = new HashSet<>();
    addNames(sample, names);
    addNames(secret, names);
    return names;
  }

  private static void addNames(TestGroup group, Set<String> into) {
    into.add(group.name());
    group.tests().forEach(t -> into.add(t.name()));
    group.groups().forEach(g -> addNames(g, into));
  }
}
