package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How outputs are judged.
 *
 * @param validator the custom output validator's program (a file or a directory, under {@code
 *     output_validator/} or {@code output_validators/}), or empty for the default validator
 * @param args arguments for every test ({@code validator_flags} of a legacy problem.yaml); tests
 *     add their own {@code output_validator_args}
 */
public record OutputValidation(Optional<Path> validator, List<String> args) {
  public OutputValidation {
    args = List.copyOf(args);
  }

  public boolean custom() {
    return validator.isPresent();
  }
}
