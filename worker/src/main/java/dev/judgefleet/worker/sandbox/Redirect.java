package dev.judgefleet.worker.sandbox;

import java.nio.file.Path;

/** Where a standard stream of a run goes: a host file, or a descriptor the caller holds. */
public sealed interface Redirect {

  /** A host file: read for stdin; created or truncated for stdout and stderr. */
  record File(Path path) implements Redirect {}

  /**
   * A descriptor (a pipe end, for interactive problems). The sandbox passes a copy; with {@code
   * handOver} it then closes the caller's, so that the run's peer sees end-of-file as soon as the
   * run's own copy is gone.
   */
  record Pipe(int fd, String what, boolean handOver) implements Redirect {}
}
