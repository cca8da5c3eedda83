package dev.judgefleet.worker.problem;

import java.util.HashSet;
import java.util.Set;

/** The test data as loaded: the two top-level groups. */
record TestData(TestGroup sample, TestGroup secret) {

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
