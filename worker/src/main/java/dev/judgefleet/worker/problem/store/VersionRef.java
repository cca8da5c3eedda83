package dev.judgefleet.worker.problem.store;

import java.util.Objects;

/**
 * One version of one problem: what a node fetches and caches.
 *
 * @param problemId the problem (its package directory's name once unpacked)
 * @param digest the version's digest
 * @param contentVersion its content version, as the index or the announcement says
 */
public record VersionRef(String problemId, PackageDigest digest, String contentVersion) {
  public VersionRef {
    if (!StoreLayout.validId(problemId)) {
      throw new IllegalArgumentException("not a problem id: '" + problemId + "'");
    }
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(contentVersion, "contentVersion");
  }

  public static VersionRef of(String problemId, ProblemIndex.Version version) {
    return new VersionRef(problemId, version.packageDigest(), version.contentVersion());
  }

  public static VersionRef of(ProblemAnnouncement announcement) {
    return new VersionRef(
        announcement.problemId(), announcement.packageDigest(), announcement.contentVersion());
  }
}
