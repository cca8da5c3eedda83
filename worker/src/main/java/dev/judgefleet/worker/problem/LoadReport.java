package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What loading one package has to say: its warnings, and errors that name the problem. */
final class LoadReport {
  private final String problem;
  private final Set<String> warnings = new LinkedHashSet<>();

  LoadReport(String problem) {
    this.problem = problem;
  }

  String problem() {
    return problem;
  }

  /**
   * Adds a warning unless the same text was given before: the setter should hear of one problem
   * once, and in the order the load came upon it.
   */
  void warn(String message) {
    warnings.add(message);
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
