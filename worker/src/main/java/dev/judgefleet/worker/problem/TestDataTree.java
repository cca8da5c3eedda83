package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads {@code data/}: {@code sample} and {@code secret}, their groups and test cases, with the
 * settings of {@code test_group.yaml} / {@code testdata.yaml} and each test's {@code X.yaml}.
 *
 * <p>Which directories are test data groups depends on the format: legacy allows groups at any
 * depth in {@code sample} and {@code secret}; 2023-07-draft allows them at any depth below {@code
 * secret}; 2025-09 only directly below {@code secret} ("The test data groups themselves can contain
 * directories, but not further groups"). The test cases in a directory that is not a group belong
 * to the group around it, named by their full path.
 */
final class TestDataTree {
  static final String DATA = "data";
  private static final Set<String> OTHER_DATA_DIRS =
      Set.of("invalid_input", "invalid_output", "valid_output");
  private static final double DEFAULT_SECRET_MAX_SCORE = 100;
  private static final double LEGACY_ACCEPT_SCORE = 1;

  /** The two top-level groups. */
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

  /** A group as read, before the defaults that depend on its parent are filled in. */
  private static final class Draft {
    final String name;
    final PackageEntry dir;
    final Optional<GroupConfig> own;
    final GroupConfig effective;
    final List<TestCase> tests = new ArrayList<>();
    final List<Draft> groups = new ArrayList<>();

    Draft(String name, PackageEntry dir, Optional<GroupConfig> own, GroupConfig effective) {
      this.name = name;
      this.dir = dir;
      this.own = own;
      this.effective = effective;
    }
  }

  private final PackageFiles files;
  private final LoadReport report;
  private final PackageFormat format;
  private final ProblemType type;
  private final List<String> problemValidatorArgs;
  private int testCount;

  private TestDataTree(
      PackageFiles files, PackageFormat format, ProblemType type, List<String> problemArgs) {
    this.files = files;
    this.report = files.report();
    this.format = format;
    this.type = type;
    this.problemValidatorArgs = List.copyOf(problemArgs);
  }

  /**
   * Reads {@code data/}.
   *
   * @param problemValidatorArgs the problem-wide validator arguments (legacy {@code
   *     validator_flags}), first in every test's validator arguments
   */
  static TestData read(
      PackageFiles files,
      PackageFormat format,
      ProblemType type,
      List<String> problemValidatorArgs) {
    return new TestDataTree(files, format, type, problemValidatorArgs).read();
  }

  private TestData read() {
    PackageEntry data =
        files
            .find(DATA)
            .filter(PackageEntry::directory)
            .orElseThrow(
                () -> report.error(files.pathOf(DATA), "missing: the package has no test data"));
    List<PackageEntry> entries = files.list(data);
    GroupConfig root = GroupConfig.NONE.below(rootConfig(data, entries), format);
    for (PackageEntry entry : entries) {
      String name = entry.name();
      if (entry.directory()
          && !name.equals("sample")
          && !name.equals("secret")
          && !OTHER_DATA_DIRS.contains(name)) {
        report.warn(entry.path() + "/: ignored, test data lives in data/sample and data/secret");
      }
    }
    Optional<PackageEntry> sampleDir = files.find(data, "sample").filter(PackageEntry::directory);
    Draft sample =
        sampleDir
            .map(dir -> readGroup(dir, "sample", root))
            .orElseGet(() -> new Draft("sample", data, Optional.empty(), root));
    PackageEntry secretDir =
        files
            .find(data, "secret")
            .filter(PackageEntry::directory)
            .orElseThrow(
                () ->
                    report.error(
                        files.pathOf(DATA + "/secret"), "missing: there is no secret test data"));
    Draft secret = readGroup(secretDir, "secret", root);
    if (countTests(secret) == 0) {
      throw report.error(files.pathOf(secretDir), "has no test cases");
    }
    Set<String> groupNames = new HashSet<>();
    collectGroupNames(sample, groupNames);
    collectGroupNames(secret, groupNames);
    return new TestData(
        finish(sample, Optional.empty(), true, groupNames),
        finish(secret, Optional.empty(), false, groupNames));
  }

  /** {@code data/testdata.yaml} (legacy) or {@code data/test_group.yaml} (2023-07-draft). */
  private Optional<GroupConfig> rootConfig(PackageEntry data, List<PackageEntry> entries) {
    if (format == PackageFormat.V2025_09) {
      findFile(entries, TestGroupYaml.FILE)
          .ifPresent(
              f ->
                  report.warn(
                      f.path()
                          + ": ignored, 2025-09 reads test_group.yaml in sample, secret and groups"));
      return Optional.empty();
    }
    return groupConfig(entries);
  }

  private Draft readGroup(PackageEntry dir, String name, GroupConfig parent) {
    List<PackageEntry> entries = files.list(dir);
    Optional<GroupConfig> own = groupConfig(entries);
    Draft group = new Draft(name, dir, own, parent.below(own, format));
    collect(group, entries, name, true);
    group.tests.sort(Comparator.comparing(TestCase::name));
    if (format == PackageFormat.V2025_09
        && name.equals("secret")
        && !group.tests.isEmpty()
        && !group.groups.isEmpty()) {
      report.warn(
          dir.path()
              + "/: has both test cases and test data groups; 2025-09 allows one or the other");
    }
    return group;
  }

  /**
   * Adds the test cases of one directory ({@code prefix} is its path under data/) to {@code group},
   * and reads its subdirectories as groups or as more of the same group.
   */
  private void collect(Draft group, List<PackageEntry> entries, String prefix, boolean groupRoot) {
    Map<String, PackageEntry> byName = new HashMap<>();
    Set<String> testNames = new HashSet<>();
    for (PackageEntry entry : entries) {
      byName.put(entry.name(), entry);
      if (!entry.directory() && entry.name().endsWith(".in")) {
        testNames.add(stem(entry.name(), ".in"));
      }
    }
    for (PackageEntry entry : entries) {
      String name = entry.name();
      if (entry.directory()) {
        collectDirectory(group, entry, prefix, testNames);
      } else if (name.endsWith(".in")) {
        addTest(group, entry, prefix, byName);
      } else if (isConfigFile(name)) {
        if (!groupRoot) {
          report.warn(entry.path() + ": ignored, " + prefix + " is not a test data group");
        }
      } else if (name.endsWith(".ans") && !testNames.contains(stem(name, ".ans"))) {
        report.warn(entry.path() + ": ignored, there is no " + stem(name, ".ans") + ".in");
      } else if (format != PackageFormat.LEGACY
          && name.endsWith(".yaml")
          && !testNames.contains(stem(name, ".yaml"))) {
        report.warn(entry.path() + ": ignored, there is no " + stem(name, ".yaml") + ".in");
      }
    }
  }

  private void collectDirectory(
      Draft group, PackageEntry dir, String prefix, Set<String> testNames) {
    String name = dir.name();
    if (name.endsWith(".files")) {
      // The test's extra input files (2023-07+): not supported yet, and judging without them
      // may fail the test, so the setter must hear of it.
      report.warn(dir.path() + "/: ignored, test case .files directories are not supported");
      return;
    }
    if (testNames.contains(name)) {
      throw report.error(
          files.pathOf(dir), "is both a test case (" + name + ".in) and a directory");
    }
    String path = prefix + "/" + name;
    if (opensGroup(prefix)) {
      group.groups.add(readGroup(dir, path, group.effective));
    } else {
      collect(group, files.list(dir), path, false);
    }
  }

  /** Whether a subdirectory of the data directory {@code parent} is a test data group. */
  private boolean opensGroup(String parent) {
    return switch (format) {
      case LEGACY -> true;
      case V2023_07 -> parent.equals("secret") || parent.startsWith("secret/");
      case V2025_09 -> parent.equals("secret");
    };
  }

  private void addTest(
      Draft group, PackageEntry input, String prefix, Map<String, PackageEntry> byName) {
    String base = stem(input.name(), ".in");
    PackageEntry answer = byName.get(base + ".ans");
    if (answer == null || answer.directory()) {
      // Every format requires the .ans, interactive and multi-pass included ("If the test case
      // exists, then an associated .ans file must exist"); the validator gets it as an argument.
      throw report.error(files.pathOf(input), "has no matching " + base + ".ans");
    }
    checkDataSize(input);
    checkDataSize(answer);
    if (++testCount > files.limits().testCases()) {
      throw report.error(
          files.pathOf(input),
          "more than " + files.limits().testCases() + " test cases in the package");
    }
    TestCaseYaml own = TestCaseYaml.NONE;
    PackageEntry yaml = byName.get(base + ".yaml");
    if (format != PackageFormat.LEGACY && yaml != null && !yaml.directory()) {
      own = TestCaseYaml.read(YamlMap.read(files, yaml));
    }
    List<String> validatorArgs = new ArrayList<>(problemValidatorArgs);
    validatorArgs.addAll(own.validatorArgs().or(group.effective::validatorArgs).orElse(List.of()));
    group.tests.add(
        new TestCase(
            prefix + "/" + base,
            input.file(),
            answer.file(),
            own.args().or(group.effective::args).orElse(List.of()),
            validatorArgs));
  }

  private void checkDataSize(PackageEntry file) {
    long cap = files.limits().dataFileBytes();
    if (file.sizeBytes() > cap) {
      throw report.error(
          files.pathOf(file),
          "is "
              + file.sizeBytes()
              + " bytes, more than the "
              + PackageFiles.bytesText(cap)
              + " allowed");
    }
  }

  /** The directory's own settings file, in the name its format uses. */
  private Optional<GroupConfig> groupConfig(List<PackageEntry> entries) {
    Optional<PackageEntry> current = findFile(entries, TestGroupYaml.FILE);
    Optional<PackageEntry> legacy = findFile(entries, TestdataYaml.FILE);
    switch (format) {
      case LEGACY -> {
        current.ifPresent(
            f -> report.warn(f.path() + ": ignored, a legacy package uses testdata.yaml"));
        return legacy.map(f -> TestdataYaml.read(YamlMap.read(files, f), type.scoring()));
      }
      case V2023_07 -> {
        if (current.isEmpty() && legacy.isPresent()) {
          // Tools for the 2023-07 draft wrote testdata.yaml before the rename.
          report.warn(legacy.get().path() + ": read as test_group.yaml, its 2023-07 name");
          current = legacy;
        } else {
          legacy.ifPresent(f -> report.warn(f.path() + ": ignored, test_group.yaml is read"));
        }
        return current.map(f -> TestGroupYaml.read(YamlMap.read(files, f), format));
      }
      default -> {
        legacy.ifPresent(
            f -> report.warn(f.path() + ": ignored, 2025-09 packages use test_group.yaml"));
        return current.map(f -> TestGroupYaml.read(YamlMap.read(files, f), format));
      }
    }
  }

  /**
   * Fills in the defaults that depend on the problem type and the parent group, top-down.
   *
   * @param defaultMaxScore the max score the parent gives a group that sets none (2023-07+)
   */
  private TestGroup finish(
      Draft draft, Optional<Double> defaultMaxScore, boolean sample, Set<String> groupNames) {
    boolean scored = type.scoring() && !sample;
    boolean legacy = format == PackageFormat.LEGACY;
    double acceptScore =
        legacy ? draft.effective.acceptScore().orElse(LEGACY_ACCEPT_SCORE) : Double.NaN;
    if (!scored) {
      if (!legacy && draft.own.map(GroupConfig::setsScoring).orElse(false)) {
        report.warn(
            shown(draft)
                + ": max_score, score_aggregation and require_pass ignored "
                + (sample ? "in sample" : "on a pass-fail problem"));
      }
      List<TestGroup> groups = new ArrayList<>();
      for (Draft child : draft.groups) {
        groups.add(finish(child, Optional.empty(), sample, groupNames));
      }
      return new TestGroup(
          draft.name,
          draft.tests,
          groups,
          Aggregation.PASS_FAIL,
          OptionalDouble.empty(),
          List.of(),
          acceptScore);
    }
    if (legacy) {
      List<TestGroup> groups = new ArrayList<>();
      for (Draft child : draft.groups) {
        groups.add(finish(child, Optional.empty(), false, groupNames));
      }
      return new TestGroup(
          draft.name,
          draft.tests,
          groups,
          draft.effective.aggregation().orElse(Aggregation.SUM),
          bounded(draft.effective.maxScore()),
          List.of(),
          acceptScore);
    }
    boolean secret = draft.name.equals("secret");
    GroupConfig own = draft.own.orElse(GroupConfig.NONE);
    Aggregation aggregation =
        own.aggregation().orElse(secret ? Aggregation.SUM : Aggregation.PASS_FAIL);
    double maxScore =
        own.maxScore()
            .or(() -> secret ? Optional.of(DEFAULT_SECRET_MAX_SCORE) : defaultMaxScore)
            .orElse(Double.POSITIVE_INFINITY);
    checkRequirePass(draft, own, groupNames);
    double childDefault = childMaxScore(draft, aggregation, maxScore);
    List<TestGroup> groups = new ArrayList<>();
    for (Draft child : draft.groups) {
      boolean explicit = child.own.flatMap(GroupConfig::maxScore).isPresent();
      if (!explicit
          && format == PackageFormat.V2025_09
          && Double.isFinite(maxScore)
          && aggregation != Aggregation.PASS_FAIL) {
        report.warn(
            shown(child)
                + ": max_score missing, which 2025-09 requires below a bounded "
                + draft.name
                + "; using "
                + childDefault);
      }
      groups.add(finish(child, Optional.of(childDefault), false, groupNames));
    }
    return new TestGroup(
        draft.name,
        draft.tests,
        groups,
        aggregation,
        bounded(Optional.of(maxScore)),
        own.requirePass(),
        acceptScore);
  }

  /**
   * The max score of a subgroup that sets none: 2023-07's "Maximum Score Inference", {@code (M - S)
   * / (A + T)} under a bounded sum, {@code M} under min, unbounded under an unbounded parent. Under
   * pass-fail aggregation the subgroups' scores are not used.
   */
  private double childMaxScore(Draft draft, Aggregation aggregation, double maxScore) {
    if (!Double.isFinite(maxScore) || aggregation == Aggregation.PASS_FAIL) {
      return Double.POSITIVE_INFINITY;
    }
    if (aggregation == Aggregation.MIN) {
      return maxScore;
    }
    double explicitSum = 0;
    int withoutScore = 0;
    for (Draft child : draft.groups) {
      Optional<Double> explicit = child.own.flatMap(GroupConfig::maxScore);
      if (explicit.isPresent()) {
        explicitSum += explicit.get();
      } else {
        withoutScore++;
      }
    }
    if (explicitSum > maxScore) {
      throw report.error(
          draft.own.flatMap(GroupConfig::file).orElse(files.pathOf(draft.dir)),
          "the max_score of "
              + draft.name
              + "'s groups add up to "
              + explicitSum
              + ", more than its own "
              + maxScore);
    }
    int parts = withoutScore + draft.tests.size();
    return parts == 0 ? 0 : (maxScore - explicitSum) / parts;
  }

  /** {@code require_pass} names {@code sample} or groups that come earlier (2025-09). */
  private void checkRequirePass(Draft draft, GroupConfig own, Set<String> groupNames) {
    for (String required : own.requirePass()) {
      Path file = own.file().orElse(files.pathOf(draft.dir));
      if (!groupNames.contains(required)) {
        throw report.error(
            file,
            "require_pass names \"" + required + "\", which is not sample or a test data group");
      }
      if (required.compareTo(draft.name) >= 0) {
        throw report.error(
            file,
            "require_pass names \"" + required + "\", which does not come before " + draft.name);
      }
    }
  }

  private String shown(Draft draft) {
    return draft
        .own
        .flatMap(GroupConfig::file)
        .map(f -> files.root().relativize(f).toString())
        .orElse(DATA + "/" + draft.name + "/");
  }

  private boolean isConfigFile(String name) {
    return name.equals(TestGroupYaml.FILE) || name.equals(TestdataYaml.FILE);
  }

  private static OptionalDouble bounded(Optional<Double> maxScore) {
    return maxScore.filter(Double::isFinite).map(OptionalDouble::of).orElse(OptionalDouble.empty());
  }

  private static Optional<PackageEntry> findFile(List<PackageEntry> entries, String name) {
    return entries.stream().filter(e -> !e.directory() && e.name().equals(name)).findFirst();
  }

  private static String stem(String name, String extension) {
    return name.substring(0, name.length() - extension.length());
  }

  private static int countTests(Draft draft) {
    int count = draft.tests.size();
    for (Draft child : draft.groups) {
      count += countTests(child);
    }
    return count;
  }

  private static void collectGroupNames(Draft draft, Set<String> into) {
    into.add(draft.name);
    draft.groups.forEach(g -> collectGroupNames(g, into));
  }
}
