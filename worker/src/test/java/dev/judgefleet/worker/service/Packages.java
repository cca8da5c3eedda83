package dev.judgefleet.worker.service;

import dev.judgefleet.worker.problem.ProblemLoader;
import dev.judgefleet.worker.problem.ProblemPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small real packages for the service's tests, written into a test's temporary directory. */
final class Packages {
  private Packages() {}

  static ProblemPackage withTimeLimit(Path parent, String id, String seconds) throws IOException {
    return write(parent, id, "limits:\n  time_limit: " + seconds + "\n");
  }

  static ProblemPackage withoutTimeLimit(Path parent, String id) throws IOException {
    return write(parent, id, "");
  }

  private static ProblemPackage write(Path parent, String id, String limits) throws IOException {
    Path root = parent.resolve(id);
    Files.createDirectories(root.resolve("data/secret"));
    Files.writeString(
        root.resolve("problem.yaml"),
        "problem_format_version: 2025-09\nname: " + id + "\n" + limits);
    Files.writeString(root.resolve("data/secret/1.in"), "1 2\n");
    Files.writeString(root.resolve("data/secret/1.ans"), "3\n");
    return ProblemLoader.load(root);
  }
}
