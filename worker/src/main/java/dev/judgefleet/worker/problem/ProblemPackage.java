package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
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
 * @param includes the files {@code include/} adds to every submission
 * @param generators {@code generators/generators.yaml} when the test data is generated (BAPCtools):
 *     the data under {@code data/} is what {@code judge generate} last wrote
 * @param legacyGrading how a legacy package grades sample and secret together ({@code
 *     data/testdata.yaml}); empty for 2023-07 and later, whose groups are scored as the format says
 * @param constants problem.yaml's {@code constants}, for the files they are replaced in
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
    List<String> warnings,
    IncludedFiles includes,
    Optional<Path> generators,
    Optional<LegacyGrading> legacyGrading,
    Constants constants) {

  public ProblemPackage {
    submissions = List.copyOf(submissions);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(includes, "includes");
    Objects.requireNonNull(generators, "generators");
    Objects.requireNonNull(legacyGrading, "legacyGrading");
    Objects.requireNonNull(constants, "constants");
  }

  /** A package without included files, generators, legacy grading or constants. */
  public ProblemPackage(
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
    this(
        id,
        name,
        root,
        contentVersion,
        format,
        type,
        limits,
        validation,
        sample,
        secret,
        submissions,
        warnings,
        IncludedFiles.NONE,
        Optional.empty(),
        Optional.empty(),
        Constants.NONE);
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
        warnings,
        includes,
        generators,
        legacyGrading,
        constants);
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
