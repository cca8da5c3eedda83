package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A loaded problem package (Kattis/ICPC format, legacy to 2025-09), everything resolved to real
 * paths inside the package.
 *
 * @param id the package's short name (its directory name)
 * @param name the problem's name (English, or the first one given)
 * @param root the package directory
 * @param contentVersion a hash of every file the judging uses: a new version means recompiled
 *     validators and no stale caches
 * @param format the declared format version
 * @param type pass-fail or scoring, interactive, multi-pass
 * @param limits the limits, format defaults filled in
 * @param validation the output validator and its problem-wide arguments
 * @param sample {@code data/sample} (may have no tests)
 * @param secret {@code data/secret}
 * @param submissions the reference submissions under {@code submissions/}
 * @param warnings things a problem setter should fix that do not stop judging
 */
public record ProblemPackage(
    String id,
    String name,
    Path root,
    String contentVersion,
    PackageFormat format,
    ProblemType type,
    ProblemLimits limits,
    OutputValidation validation,
    TestGroup sample,
    TestGroup secret,
    List<ReferenceSubmission> submissions,
    List<String> warnings) {

  public ProblemPackage {
    submissions = List.copyOf(submissions);
    warnings = List.copyOf(warnings);
  }

  /** The same package under other limits (a submission's overrides). */
  public ProblemPackage withLimits(ProblemLimits newLimits) {
    return new ProblemPackage(
        id,
        name,
        root,
        contentVersion,
        format,
        type,
        newLimits,
        validation,
        sample,
        secret,
        submissions,
        warnings);
  }

  /** Every test in judging order: samples, then secret. */
  public List<TestCase> allTests() {
    List<TestCase> all = new java.util.ArrayList<>(sample.allTests());
    all.addAll(secret.allTests());
    return all;
  }

  public Optional<ReferenceSubmission> submission(String name) {
    return submissions.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
