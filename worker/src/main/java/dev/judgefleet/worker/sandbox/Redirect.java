package dev.judgefleet.worker.sandbox;

import java.nio.file.Path;

/**
 * Where a standard stream of a run comes from or goes to. A run's stdout and stderr are captured by
 * the sandbox unless they are a {@link Pipe}; its stdin is one of the three.
 */
public sealed interface Redirect {

  /**
   * Standard input from a private, sealed copy of a host file: the program never holds the file
   * itself, cannot write to it, and sees no host path. For anything a contestant's program reads.
   */
  record Copy(Path path) implements Redirect {}

  /**
   * Standard input from a host file passed as it is, read-only. Only for files the worker wrote
   * itself (owned by root, not writable by any sandbox uid) and given to a program the judge trusts
   * with their path: an output validator reading the submission's output.
   */
  record HostFile(Path path) implements Redirect {}

  /**
   * A descriptor (a pipe end, for interactive problems). The sandbox passes a copy; with {@code
   * handOver} it then closes the caller's, so that the run's peer sees end-of-file as soon as the
   * run's own copy is gone.
   */
  record Pipe(int fd, String what, boolean handOver) implements Redirect {}
}
