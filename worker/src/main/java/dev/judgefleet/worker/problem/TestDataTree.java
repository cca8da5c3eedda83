package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code data/}: {@code sample} and {@code secret}, their groups and test cases, with the
 * settings of {@code test_group.yaml} / {@code testdata.yaml} and each test's {@code X.yaml}.
 *
 * <p>Which directories are test data groups depends on the format: legacy allows groups at any
 * depth in {@code sample} and {@code secret}; 2023-07-draft allows them at any depth below {@code
 * secret}; 2025-09 only directly below {@code secret}, and only with a {@code test_group.yaml}
 * ("The test data groups themselves can contain directories, but not further groups"). The test
 * cases in a directory that is not a group belong to the group around it, named by their full path.
 */
final class TestDataTree {
  static final String DATA = "data";
  private static final Set<String> OTHER_DATA_DIRS =
      Set.of("invalid_input", "invalid_output", "valid_output");

  private final PackageFiles files;
  private final LoadReport report;
  private final PackageFormat format;
  private final ProblemType type;
  private final List<String> problemValidatorArgs;
  private final boolean generators;
  private final Constants constants;
  private int testCount;

  private TestDataTree(
      PackageFiles files,
      PackageFormat format,
      ProblemType type,
      List<String> problemArgs,
      boolean generators,
      Constants constants) {
    this.files = files;
    this.generators = generators;
    this.constants = constants;
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
   * @param generators whether a generators.yaml writes the data (for messages)
   * @param constants problem.yaml's constants, replaced in test_group.yaml
   */
  static TestData read(
      PackageFiles files,
      PackageFormat format,
      ProblemType type,
      List<String> problemValidatorArgs,
      boolean generators,
      Constants constants) {
    return new TestDataTree(files, format, type, problemValidatorArgs, generators, constants)
        .read();
  }

  private TestData read() {
    PackageEntry data =
        files
            .find(DATA)
            .filter(PackageEntry::directory)
            .orElseThrow(
                () ->
                    report.error(
                        files.pathOf(DATA), "missing: the package has no test data" + generated()));
    List<PackageEntry> entries = files.list(data);
    GroupConfig root = GroupConfig.NONE.below(rootConfig(entries), format);
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
    GroupDraft sample =
        sampleDir
            .map(dir -> readGroup(dir, "sample", root))
            .orElseGet(() -> new GroupDraft("sample", data, Optional.empty(), root));
    Optional<PackageEntry> secretDir = files.find(data, "secret").filter(PackageEntry::directory);
    GroupDraft secret =
        secretDir
            .map(dir -> readGroup(dir, "secret", root))
            .orElseGet(() -> new GroupDraft("secret", data, Optional.empty(), root));
    if (secret.testCount() == 0) {
      Path where = secretDir.map(files::pathOf).orElse(files.pathOf(DATA + "/secret"));
      String what = secretDir.isPresent() ? "has no test cases" : "missing";
      if (sample.testCount() == 0) {
        throw report.error(
            where, what + ", and data/sample has none either: nothing to judge" + generated());
      }
      // DOMjudge judges such packages on their samples (its own example problem is one).
      report.warn(
          DATA
              + "/secret/: "
              + what
              + "; submissions are judged on the "
              + sample.testCount()
              + " sample test cases only"
              + generated());
    }
    return GroupScoring.finish(files, format, type, sample, secret, root);
  }

  /** The hint for a package whose data a generator writes, else "". */
  private String generated() {
    return generators
        ? " (the test data is generated from generators/generators.yaml: run `judge generate "
            + files.root()
            + "` to write it)"
        : "";
  }

  /** {@code data/testdata.yaml} (legacy) or {@code data/test_group.yaml} (2023-07-draft). */
  private Optional<GroupConfig> rootConfig(List<PackageEntry> entries) {
    if (format == PackageFormat.V2025_09) {
      // 2025-09 has test_group.yaml only in sample, secret and groups, but BAPCtools writes one
      // in data/ (its generators.yaml's top level) and judges with it: its args reach every test.
      findFile(entries, TestGroupYaml.FILE)
          .ifPresent(
              f ->
                  report.warn(
                      f.path()
                          + ": read for every test as BAPCtools does; 2025-09 reads test_group.yaml"
                          + " in sample, secret and groups"));
    }
    return groupConfig(entries);
  }

  private GroupDraft readGroup(PackageEntry dir, String name, GroupConfig parent) {
    List<PackageEntry> entries = files.list(dir);
    Optional<GroupConfig> own = groupConfig(entries);
    GroupDraft group = new GroupDraft(name, dir, own, parent.below(own, format));
    collect(group, entries, name, true);
    group.tests().sort(Comparator.comparing(TestCase::name));
    if (format == PackageFormat.V2025_09
        && name.equals("secret")
        && !group.tests().isEmpty()
        && !group.groups().isEmpty()) {
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
  private void collect(
      GroupDraft group, List<PackageEntry> entries, String prefix, boolean groupRoot) {
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
      GroupDraft group, PackageEntry dir, String prefix, Set<String> testNames) {
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
    if (opensGroup(prefix, dir)) {
      group.groups().add(readGroup(dir, path, group.effective()));
    } else {
      collect(group, files.list(dir), path, false);
    }
  }

  /**
   * Whether {@code dir}, a subdirectory of the data directory {@code parent}, is a test data group.
   * 2025-09: "Every subdirectory of data/secret/ that contains a test_group.yaml configuration file
   * is a test data group", and if there is one, "every subdirectory of data/secret/ must be a test
   * data group": so either all of secret's subdirectories are groups (one lacking its file is
   * warned about where it matters) or none is, and they hold more of secret's test cases.
   */
  private boolean opensGroup(String parent, PackageEntry dir) {
    return switch (format) {
      case LEGACY -> true;
      case V2023_07 -> parent.equals("secret") || parent.startsWith("secret/");
      case V2025_09 -> parent.equals("secret") && secretHasGroups(dir.parent());
    };
  }

  private boolean secretHasGroups(PackageEntry secret) {
    for (PackageEntry child : files.list(secret)) {
      if (child.directory()
          && files.find(child, TestGroupYaml.FILE).filter(f -> !f.directory()).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private void addTest(
      GroupDraft group, PackageEntry input, String prefix, Map<String, PackageEntry> byName) {
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
    validatorArgs.addAll(
        own.validatorArgs().or(group.effective()::validatorArgs).orElse(List.of()));
    group
        .tests()
        .add(
            new TestCase(
                prefix + "/" + base,
                input.file(),
                answer.file(),
                own.args().or(group.effective()::args).orElse(List.of()),
                validatorArgs));
  }

  private void checkDataSize(PackageEntry file) {
    long cap = files.limits().dataFileBytes();
    if (file.sizeBytes() > cap) {
      throw report.error(files.pathOf(file), PackageFiles.oversize(file, cap) + " allowed");
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
        return current.map(f -> TestGroupYaml.read(YamlMap.read(files, f, constants), format));
      }
      default -> {
        legacy.ifPresent(
            f -> report.warn(f.path() + ": ignored, 2025-09 packages use test_group.yaml"));
        return current.map(f -> TestGroupYaml.read(YamlMap.read(files, f, constants), format));
      }
    }
  }

  private boolean isConfigFile(String name) {
    return name.equals(TestGroupYaml.FILE) || name.equals(TestdataYaml.FILE);
  }

  private static Optional<PackageEntry> findFile(List<PackageEntry> entries, String name) {
    return entries.stream().filter(e -> !e.directory() && e.name().equals(name)).findFirst();
  }

  private static String stem(String name, String extension) {
    return name.substring(0, name.length() - extension.length());
  }
}
