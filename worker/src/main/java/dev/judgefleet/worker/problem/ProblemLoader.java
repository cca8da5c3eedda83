package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.List;

/**
 * Loads a problem package directory (Kattis/ICPC problem package format: legacy, 2023-07-draft,
 * 2025-09, with DOMjudge's time-limit files and {@code @EXPECTED_RESULTS@} tags).
 *
 * <p>The steps, in order, each in a class of its own: open the package safely ({@link
 * PackageFiles}), read problem.yaml ({@link ProblemYaml}), the explicit time limit ({@link
 * ExplicitTimeLimit}), the output validator ({@link OutputValidatorDir}), the test data ({@link
 * TestDataTree}), the reference submissions ({@link SubmissionRules}), and hash what judging uses
 * ({@link ContentVersion}).
 */
public final class ProblemLoader {
  private ProblemLoader() {}

  /**
   * Loads the package at {@code dir} with the default {@link LoadLimits}.
   *
   * @throws ProblemException naming the problem and the file when the package is broken
   */
  public static ProblemPackage load(Path dir) {
    return load(dir, LoadLimits.DEFAULTS);
  }

  /**
   * Loads the package at {@code dir}.
   *
   * @throws ProblemException naming the problem and the file when the package is broken
   */
  public static ProblemPackage load(Path dir, LoadLimits limits) {
    PackageFiles files = PackageFiles.open(dir, limits);
    ProblemYaml problem = ProblemYaml.read(files);
    ProblemLimits problemLimits = ExplicitTimeLimit.apply(problem.limits(), files);
    OutputValidation validation = OutputValidatorDir.find(files, problem);
    TestData data = TestDataTree.read(files, problem.format(), problem.type(), validation.args());
    List<ReferenceSubmission> submissions =
        SubmissionRules.read(files, problem.format(), problem.type(), data.names());
    String contentVersion = ContentVersion.of(files);
    return new ProblemPackage(
        files.report().problem(),
        problem.name(),
        files.root(),
        contentVersion,
        problem.format(),
        problem.type(),
        problemLimits,
        validation,
        data.sample(),
        data.secret(),
        submissions,
        files.report().warnings());
  }
}
