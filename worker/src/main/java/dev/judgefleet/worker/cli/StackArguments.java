package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.cli.load.Workload;
import dev.judgefleet.worker.cli.load.WorkloadFile;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What the commands that drive a running stack ({@code judge load}, {@code chaos}, {@code soak})
 * read alike: their workload file, and where {@code bin/judge up} keeps the stack.
 */
final class StackArguments {
  private StackArguments() {}

  /** The workload file, a broken one a usage error naming its place. */
  static Workload workload(CommandSpec spec, Path file) throws IOException {
    try {
      return WorkloadFile.read(file);
    } catch (WorkloadFile.WorkloadException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The stack's data directory: {@code option}, else JUDGE_DATA, else var (as bin/judge up). */
  static Path dataDir(Path option) {
    return option != null ? option : Path.of(env("JUDGE_DATA", "var"));
  }

  /** An environment variable, {@code fallback} when unset or blank. */
  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
