package dev.judgefleet.worker.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test data group as {@link TestDataTree} reads it, before {@link GroupScoring} fills in the
 * defaults that depend on its parent.
 *
 * @param name its path under {@code data/}
 * @param dir its directory
 * @param own the settings of its own test_group.yaml / testdata.yaml
 * @param effective the settings in effect, inherited ones included
 * @param tests its test cases, filled while reading
 * @param groups its subgroups, filled while reading
 */
record GroupDraft(
    String name,
    PackageEntry dir,
    Optional<GroupConfig> own,
    GroupConfig effective,
    List<TestCase> tests,
    List<GroupDraft> groups) {

  GroupDraft(String name, PackageEntry dir, Optional<GroupConfig> own, GroupConfig effective) {
    this(name, dir, own, effective, new ArrayList<>(), new ArrayList<>());
  }

  int testCount() {
    int count = tests.size();
    for (GroupDraft group : groups) {
      count += group.testCount();
    }
    return count;
  }
}
