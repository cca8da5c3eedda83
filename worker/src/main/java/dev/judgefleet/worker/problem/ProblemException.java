package dev.judgefleet.worker.problem;

import java.nio.file.Path;

/** A broken problem package: the message names the problem and the file. */
public final class ProblemException extends RuntimeException {
  private final String problem;
  private final Path file;

  public ProblemException(String problem, Path file, String message) {
    super("problem " + problem + ": " + (file == null ? "" : file + ": ") + message);
    this.problem = problem;
    this.file = file;
  }

  public ProblemException(String problem, Path file, String message, Throwable cause) {
    this(problem, file, message);
    initCause(cause);
  }

  public String problem() {
    return problem;
  }

  public Path file() {
    return file;
  }
}
