package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.List;

/**
 * One test case.
 *
 * @param name its name, the path under {@code data/} without {@code .in}: {@code secret/g1/01}
 * @param input the {@code .in} file (real path, inside the package)
 * @param answer the {@code .ans} file
 * @param args command-line arguments for the submission ({@code args}, 2023-07+)
 * @param validatorArgs every argument for the output validator: the problem's, then the groups',
 *     then the test's own, in that order
 */
public record TestCase(
    String name, Path input, Path answer, List<String> args, List<String> validatorArgs) {
  public TestCase {
    args = List.copyOf(args);
    validatorArgs = List.copyOf(validatorArgs);
  }
}
