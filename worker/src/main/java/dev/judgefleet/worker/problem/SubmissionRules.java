package dev.judgefleet.worker.problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code submissions/}: each file or directory in a folder is a reference submission, and
 * what it must get is, in order:
 *
 * <ol>
 *   <li>its folder's rule: the default of a known folder ({@link DefaultFolders}), with what a
 *       {@code submissions.yaml} key of the folder's name gives replacing the default's values key
 *       by key; a DOMjudge {@code @EXPECTED_RESULTS@} tag in its source replaces all of that;
 *   <li>the rules of every other {@code submissions.yaml} glob that matches it or its folder.
 * </ol>
 */
final class SubmissionRules {
  static final String SUBMISSIONS = "submissions";
  private static final String YAML_PATH = SUBMISSIONS + "/" + SubmissionsYaml.FILE;

  private final PackageFiles files;
  private final LoadReport report;
  private final List<SubmissionsYaml.Entry> entries;
  private final Set<SubmissionsYaml.Entry> used = new HashSet<>();
  private final boolean acceptedOnly;
  private final PackageFormat format;

  private SubmissionRules(
      PackageFiles files, List<SubmissionsYaml.Entry> entries, PackageFormat format) {
    this.files = files;
    this.report = files.report();
    this.entries = entries;
    // problemtools derives a legacy package's limit from its accepted submissions only.
    this.acceptedOnly = format == PackageFormat.LEGACY;
    this.format = format;
  }

  /**
   * Reads the reference submissions.
   *
   * @param testNames every test case's and group's name, to warn about test globs that match
   *     nothing
   */
  static List<ReferenceSubmission> read(
      PackageFiles files, PackageFormat format, ProblemType type, Set<String> testNames) {
    Optional<PackageEntry> dir = files.find(SUBMISSIONS).filter(PackageEntry::directory);
    if (dir.isEmpty()) {
      files.report().warn(SUBMISSIONS + "/: missing, the package has no reference submissions");
      return List.of();
    }
    List<PackageEntry> folders = files.list(dir.get());
    List<SubmissionsYaml.Entry> entries =
        folders.stream()
            .filter(e -> !e.directory() && e.name().equals(SubmissionsYaml.FILE))
            .findFirst()
            .map(f -> SubmissionsYaml.read(YamlMap.read(files, f), type))
            .orElse(List.of());
    warnUnmatchedTestGlobs(files.report(), entries, testNames);
    return new SubmissionRules(files, entries, format).read(dir.get(), folders);
  }

  private List<ReferenceSubmission> read(PackageEntry dir, List<PackageEntry> folders) {
    List<ReferenceSubmission> submissions = new ArrayList<>();
    for (PackageEntry folder : folders) {
      if (!folder.directory()) {
        if (!folder.name().equals(SubmissionsYaml.FILE)) {
          report.warn(
              folder.path() + ": ignored, a submission must be in a folder of submissions/");
        }
        continue;
      }
      // BAPCtools' convention: a submission named *.disabled or *.template is not one.
      List<PackageEntry> programs =
          files.list(folder).stream().filter(p -> !SubmissionRules.disabled(p)).toList();
      boolean configured = false;
      for (SubmissionsYaml.Entry entry : entries) {
        for (PackageEntry program : programs) {
          configured |= entry.glob().matches(program.pathUnder(dir));
        }
        configured |= entry.glob().matchesExactly(folder.name());
      }
      if (!DefaultFolders.known(folder.name()) && !configured) {
        report.warn(
            folder.path()
                + "/: unknown folder without a submissions.yaml entry, its submissions have no expectations");
      }
      List<SubmissionRule> folderRules = folderRules(folder.name());
      for (PackageEntry program : programs) {
        submission(dir, folder, folderRules, program).ifPresent(submissions::add);
      }
    }
    for (SubmissionsYaml.Entry entry : entries) {
      if (!used.contains(entry)) {
        report.warn(YAML_PATH + ": \"" + entry.key() + "\" matches no submission");
      }
    }
    return submissions;
  }

  private static boolean disabled(PackageEntry program) {
    return program.name().endsWith(".disabled") || program.name().endsWith(".template");
  }

  private Optional<ReferenceSubmission> submission(
      PackageEntry dir,
      PackageEntry folder,
      List<SubmissionRule> folderRules,
      PackageEntry program) {
    String name = program.pathUnder(dir);
    List<PackageEntry> sources = files.walkFiles(program);
    if (sources.isEmpty()) {
      report.warn(program.path() + "/: ignored, the submission has no files");
      return Optional.empty();
    }
    long cap = files.limits().sourceBytes();
    for (PackageEntry source : sources) {
      if (source.sizeBytes() > cap) {
        report.warn(
            source.path()
                + ": "
                + PackageFiles.oversize(source, cap)
                + " a source may have; submission "
                + name
                + " skipped");
        return Optional.empty();
      }
    }

    List<SubmissionRule> rules = new ArrayList<>(folderRules);
    Optional<SubmissionRule> tag = ExpectedResultsTag.find(files, sources);
    if (tag.isPresent()) {
      rules = new ArrayList<>(List.of(tag.get()));
    }
    Optional<String> language = Optional.empty();
    Optional<String> entrypoint = Optional.empty();
    for (SubmissionsYaml.Entry entry : entries) {
      boolean override = entry.folderOverride() && entry.key().equals(folder.name());
      if (!override && !entry.glob().matches(name)) {
        continue;
      }
      used.add(entry);
      if (!override) {
        rules.addAll(entry.rules());
      }
      language = pick(name, "language", language, entry.language());
      entrypoint = pick(name, "entrypoint", entrypoint, entry.entrypoint());
    }
    return Optional.of(
        new ReferenceSubmission(
            name,
            sources.stream().map(PackageEntry::file).toList(),
            language,
            entrypoint,
            rules.stream()
                .filter(SubmissionRule::constrains)
                .map(SubmissionRule::expectation)
                .toList(),
            SubmissionRule.combine(rules, acceptedOnly)));
  }

  /** The folder's default, overridden by the submissions.yaml key of the same name. */
  private List<SubmissionRule> folderRules(String folder) {
    Optional<SubmissionRule> base = DefaultFolders.rule(folder, format);
    if (base.isEmpty()) {
      return List.of();
    }
    List<SubmissionRule> rules = new ArrayList<>(List.of(base.get()));
    for (SubmissionsYaml.Entry entry : entries) {
      if (entry.folderOverride() && entry.key().equals(folder)) {
        rules.set(0, rules.get(0).overriddenBy(entry.wholeRule()));
        rules.addAll(entry.testGlobRules());
      }
    }
    return List.copyOf(rules);
  }

  private Optional<String> pick(
      String submission, String key, Optional<String> current, Optional<String> candidate) {
    if (current.isPresent() && candidate.isPresent() && !current.equals(candidate)) {
      report.warn(
          YAML_PATH
              + ": "
              + submission
              + " gets two values for "
              + key
              + " ("
              + current.get()
              + ", "
              + candidate.get()
              + "); the first is used");
    }
    return current.or(() -> candidate);
  }

  private static void warnUnmatchedTestGlobs(
      LoadReport report, List<SubmissionsYaml.Entry> entries, Set<String> testNames) {
    for (SubmissionsYaml.Entry entry : entries) {
      for (SubmissionRule rule : entry.testGlobRules()) {
        Glob glob = Glob.of(rule.testGlob());
        if (testNames.stream().noneMatch(glob::matchesExactly)) {
          report.warn(
              YAML_PATH
                  + ": \""
                  + entry.key()
                  + "\": test glob \""
                  + rule.testGlob()
                  + "\" matches no test case or group");
        }
      }
    }
  }
}
