package dev.judgefleet.worker.problem;

import java.util.List;
import java.util.Optional;

/**
 * Where a worker's problem packages come from: a directory of packages ({@link ProblemStore}) or
 * the fleet's S3-compatible store through the node's cache ({@code problem.store}).
 */
public interface ProblemSource {
  /**
   * The package of {@code id}: the version whose content version is {@code version} when the
   * submission pins one and this source has it, else the current one (the caller compares the
   * versions and says why they differ). The handle keeps the package's files in place until it is
   * closed.
   *
   * @return empty if there is no problem of that id
   * @throws ProblemException if the package is broken (the message names the problem and why)
   * @throws ProblemsUnavailableException if the package cannot be had now but may be later (the
   *     store is unreachable): the submission must wait, not be judged
   */
  Optional<ProblemHandle> open(String id, Optional<String> version);

  /**
   * The ids of the problems this source has now, so that a worker can ready them before their first
   * submissions; a source that cannot tell answers none.
   */
  default List<String> ids() {
    return List.of();
  }

  /** Where packages are looked for, for messages: {@code under /srv/problems}. */
  String where();

  /**
   * Whether a package this node lacks could be had now (the store answers): a cheap probe, so that
   * submissions waiting for the store are tried again only once it is back.
   */
  default boolean reachable() {
    return true;
  }
}
