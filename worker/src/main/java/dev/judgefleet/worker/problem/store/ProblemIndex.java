package dev.judgefleet.worker.problem.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem's index object in the store: which version is current, and every push, oldest first (a
 * push of an older version again, a rollback, is a push too).
 *
 * @param schemaVersion 1
 * @param problemId the problem
 * @param current the digest of the current version ({@code sha256:...})
 * @param versions every push, oldest first
 */
public record ProblemIndex(
    int schemaVersion, String problemId, String current, List<Version> versions) {
  public static final int SCHEMA_VERSION = 1;

  /**
   * One push.
   *
   * @param digest the package's digest ({@code sha256:...}), which names its archive
   * @param contentVersion what judging depends on (the loader's content version): what a
   *     submission's {@code problemVersion} pins and a verdict's {@code problemVersion} reports
   * @param archiveBytes the archive's size in the store
   * @param unpackedBytes the files' size, all together
   * @param files how many files
   * @param pushedBy who pushed it ({@code user@host})
   * @param pushedAt when (ISO-8601, UTC)
   */
  public record Version(
      String digest,
      String contentVersion,
      long archiveBytes,
      long unpackedBytes,
      int files,
      String pushedBy,
      String pushedAt) {
    public Version {
      PackageDigest.parse(digest);
      Objects.requireNonNull(contentVersion, "contentVersion");
      Instant.parse(pushedAt);
    }

    public PackageDigest packageDigest() {
      return PackageDigest.parse(digest);
    }
  }

  public ProblemIndex {
    if (!StoreLayout.validId(problemId)) {
      throw new IllegalArgumentException("not a problem id: '" + problemId + "'");
    }
    versions = List.copyOf(versions);
    if (versions.stream().noneMatch(v -> v.digest().equals(current))) {
      throw new IllegalArgumentException(
          "the current version " + current + " of " + problemId + " is not among its versions");
    }
  }

  public static ProblemIndex first(String problemId, Version version) {
    return new ProblemIndex(SCHEMA_VERSION, problemId, version.digest(), List.of(version));
  }

  /** This index after {@code version} was pushed: it is current. */
  public ProblemIndex pushed(Version version) {
    List<Version> all = new ArrayList<>(versions);
    all.add(version);
    return new ProblemIndex(SCHEMA_VERSION, problemId, version.digest(), all);
  }

  /** The current version (the latest push of the current digest). */
  public Version currentVersion() {
    return latest(v -> v.digest().equals(current)).orElseThrow();
  }

  /** The latest push whose content version is {@code contentVersion}. */
  public Optional<Version> withContentVersion(String contentVersion) {
    return latest(v -> v.contentVersion().equals(contentVersion));
  }

  /** The latest push of the version whose digest is or starts with {@code digest}. */
  public Optional<Version> withDigest(String digest) {
    String hex = digest.startsWith("sha256:") ? digest.substring(7) : digest;
    return latest(v -> v.packageDigest().hex().startsWith(hex));
  }

  private Optional<Version> latest(java.util.function.Predicate<Version> which) {
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (which.test(versions.get(i))) {
        return Optional.of(versions.get(i));
      }
    }
    return Optional.empty();
  }

  public byte[] json() {
    return StoreJson.write(this);
  }

  public static ProblemIndex parse(byte[] json, String what) {
    return StoreJson.read(json, ProblemIndex.class, what);
  }
}
