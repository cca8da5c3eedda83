package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What loading one package has to say: its warnings, and errors that name the problem. */
final class LoadReport {
  private final String problem;
  private final List<String> warnings = new ArrayList<>();

  LoadReport(String problem) {
    this.problem = problem;
  }

  String problem() {
    return problem;
  }

  /** Adds a warning once: several steps walk the same directories. */
  void warn(String message) {
    if (!warnings.contains(message)) {
      warnings.add(message);
    }
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  ProblemException error(Path file, String message) {
    return new ProblemException(problem, file, message);
  }

  ProblemException error(Path file, String message, Throwable cause) {
    return new ProblemException(problem, file, message, cause);
  }
}
