package dev.judgefleet.worker.problem.store;

/**
 * A record on the compacted {@code judge.problems} topic (key: the problem id): a push made this
 * version current. Every worker reads the topic from its start, so it knows every problem's current
 * version without asking the store, and prefetches it.
 *
 * @param schemaVersion 1
 * @param problemId the problem
 * @param digest the current version's digest ({@code sha256:...})
 * @param contentVersion its content version
 * @param archiveBytes its archive's size
 * @param pushedBy who pushed it
 * @param pushedAt when
 */
public record ProblemAnnouncement(
    int schemaVersion,
    String problemId,
    String digest,
    String contentVersion,
    long archiveBytes,
    String pushedBy,
    String pushedAt) {
  public static final int SCHEMA_VERSION = 1;

  public ProblemAnnouncement {
    if (!StoreLayout.validId(problemId)) {
      throw new IllegalArgumentException("not a problem id: '" + problemId + "'");
    }
    PackageDigest.parse(digest);
  }

  public static ProblemAnnouncement of(String problemId, ProblemIndex.Version version) {
    return new ProblemAnnouncement(
        SCHEMA_VERSION,
        problemId,
        version.digest(),
        version.contentVersion(),
        version.archiveBytes(),
        version.pushedBy(),
        version.pushedAt());
  }

  public PackageDigest packageDigest() {
    return PackageDigest.parse(digest);
  }

  public byte[] json() {
    return StoreJson.write(this);
  }

  /**
   * @throws IllegalArgumentException if {@code json} is not an announcement
   */
  public static ProblemAnnouncement parse(byte[] json) {
    return StoreJson.read(json, ProblemAnnouncement.class, "the announcement");
  }
}
