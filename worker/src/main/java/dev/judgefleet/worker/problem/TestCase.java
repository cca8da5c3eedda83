package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.List;

/**
 * One test case.
 *
 * @param name its name, the path under {@code data/} without {@code .in}: {@code secret/g1/01}
 * @param input the {@code .in} file (real path, inside the package)
 * @param answer the {@code .ans} file
 * @param args command-line arguments for the submission ({@code args}, 2023-07+): the test's own
 *     {@code X.yaml}'s if it sets them, else those of the closest group that does
 * @param validatorArgs every argument for the output validator, complete: the problem's (legacy
 *     {@code validator_flags}), then the test's {@code output_validator_args}. Like {@code args},
 *     those are the test's own if its {@code X.yaml} sets them, else the closest group's ({@code
 *     test_group.yaml}, or the closest legacy {@code testdata.yaml}'s {@code
 *     output_validator_flags}): the format inherits them, a test's own replace its group's rather
 *     than add to them
 */
public record TestCase(
    String name, Path input, Path answer, List<String> args, List<String> validatorArgs) {
  public TestCase {
    args = List.copyOf(args);
    validatorArgs = List.copyOf(validatorArgs);
  }
}
