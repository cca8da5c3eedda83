package dev.judgefleet.worker.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A group of test data: {@code sample}, {@code secret}, or a subdirectory of {@code secret}. Tests
 * and subgroups are each in lexicographic order of name; {@link #members()} interleaves them in the
 * order they are judged in.
 *
 * @param name the path under {@code data/}: {@code sample}, {@code secret}, {@code secret/g1}
 * @param tests the test cases directly in this group
 * @param groups the subgroups
 * @param aggregation how the group's score is computed (scoring problems)
 * @param maxScore the group's maximum score; empty means unbounded
 * @param requirePass groups (or {@code sample}) that must be all accepted for this one to be run
 * @param acceptScore legacy {@code accept_score}: the score of an accepted test when no score.txt
 *     is written (1 by default); NaN for formats that derive it from {@code max_score}
 * @param legacy how a legacy package grades the group ({@code testdata.yaml}, with what it
 *     inherits); empty for 2023-07 and later
 */
public record TestGroup(
    String name,
    List<TestCase> tests,
    List<TestGroup> groups,
    Aggregation aggregation,
    OptionalDouble maxScore,
    List<String> requirePass,
    double acceptScore,
    Optional<LegacyGrading> legacy) {

  public TestGroup {
    tests = List.copyOf(tests);
    groups = List.copyOf(groups);
    requirePass = List.copyOf(requirePass);
    Objects.requireNonNull(legacy, "legacy");
  }

  /** A group of a 2023-07 or later package, or of tests given inline. */
  public TestGroup(
      String name,
      List<TestCase> tests,
      List<TestGroup> groups,
      Aggregation aggregation,
      OptionalDouble maxScore,
      List<String> requirePass,
      double acceptScore) {
    this(name, tests, groups, aggregation, maxScore, requirePass, acceptScore, Optional.empty());
  }

  /** A test directly in a group, or one of its subgroups. */
  public sealed interface Member {
    String name();

    /** The tests this member stands for, in judging order. */
    List<TestCase> allTests();
  }

  /** A test case as a member of its group. */
  public record Test(TestCase test) implements Member {
    @Override
    public String name() {
      return test.name();
    }

    @Override
    public List<TestCase> allTests() {
      return List.of(test);
    }
  }

  /** A subgroup as a member of its parent. */
  public record Subgroup(TestGroup group) implements Member {
    @Override
    public String name() {
      return group.name();
    }

    @Override
    public List<TestCase> allTests() {
      return group.allTests();
    }
  }

  /**
   * The tests and subgroups directly in this group, in the order they are judged in: interleaved in
   * lexicographic order of name, as the format says ("Test cases and test data groups will be used
   * in lexicographical order on test case or test group name"). Both lists are sorted and their
   * names share this group's prefix, so a merge on the full names gives that order.
   */
  public List<Member> members() {
    List<Member> members = new ArrayList<>(tests.size() + groups.size());
    int t = 0;
    int g = 0;
    while (t < tests.size() || g < groups.size()) {
      boolean testNext =
          g == groups.size()
              || (t < tests.size() && tests.get(t).name().compareTo(groups.get(g).name()) < 0);
      members.add(testNext ? new Test(tests.get(t++)) : new Subgroup(groups.get(g++)));
    }
    return members;
  }

  /** Every test in this group and below, in judging order (see {@link #members()}). */
  public List<TestCase> allTests() {
    List<TestCase> all = new ArrayList<>();
    for (Member member : members()) {
      all.addAll(member.allTests());
    }
    return all;
  }
}
