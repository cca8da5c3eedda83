package dev.judgefleet.worker.sandbox.plan;

import java.nio.file.Path;

/**
 * A descriptor the worker opens on the host and passes to the init with a run (SCM_RIGHTS). Steps
 * refer to it by its index in {@link RunPlan#passedFiles()}: that is how a run reaches a cgroup
 * file or an output file the sandbox cannot see.
 */
public sealed interface PassedFile {

  /** A host file opened with {@code open(path, flags, mode)}. */
  record Open(Path path, int flags, int mode) implements PassedFile {}

  /** A private, sealed copy of a host file (a memfd), made just before the run. */
  record SealedCopy(Path path) implements PassedFile {}

  /**
   * A descriptor the caller already holds (a pipe end); the worker passes a copy and, with {@code
   * handOver}, closes the original once the init has its own.
   */
  record Descriptor(int fd, String what, boolean handOver) implements PassedFile {}
}
