package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How outputs are judged.
 *
 * @param validator the custom output validator's program (a file or a directory, under {@code
 *     output_validator/} or {@code output_validators/}), or empty for the default validator
 * @param files the program's files as the loader found them, each under {@code validator} by its
 *     name in the package (the program itself if it is one file): the files the content version
 *     hashes, so that a validator built and cached under that version is built from nothing else.
 *     Empty exactly when {@code validator} is.
 * @param args arguments for every test ({@code validator_flags} of a legacy problem.yaml); tests
 *     add their own {@code output_validator_args}
 */
public record OutputValidation(Optional<Path> validator, List<Path> files, List<String> args) {
  public OutputValidation {
    files = List.copyOf(files);
    args = List.copyOf(args);
    if (validator.isPresent() == files.isEmpty()) {
      throw new IllegalArgumentException(
          validator.isPresent()
              ? "the output validator " + validator.get() + " has no files"
              : "files " + files + " given for the default validator");
    }
  }

  /** Judging by the default validator, with these arguments. */
  public static OutputValidation defaultValidator(List<String> args) {
    return new OutputValidation(Optional.empty(), List.of(), args);
  }

  public boolean custom() {
    return validator.isPresent();
  }
}
