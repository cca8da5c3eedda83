package dev.judgefleet.worker.problem.store;

import dev.judgefleet.worker.problem.ProblemException;
import dev.judgefleet.worker.problem.ProblemLoader;
import dev.judgefleet.worker.problem.ProblemPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What a setter's push does: check the package the way {@code judge verify} loads it, pack it into
 * its canonical archive, upload the archive unless the store has it already (it is named by its
 * digest, so the same content is stored once), and make it the problem's current version in its
 * index. Pushing the current version again changes nothing.
 */
public final class ProblemPublisher {
  private final ObjectStore store;
  private final UnpackLimits limits;
  private final Clock clock;

  /**
   * What a push did.
   *
   * @param problemId the problem
   * @param version the version now current
   * @param changed false when it was current already (nothing was written)
   * @param uploaded whether the archive was uploaded (false when the store had that content)
   * @param warnings the loader's warnings about the package
   */
  public record Pushed(
      String problemId,
      ProblemIndex.Version version,
      boolean changed,
      boolean uploaded,
      List<String> warnings) {}

  public ProblemPublisher(ObjectStore store, UnpackLimits limits, Clock clock) {
    this.store = store;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Pushes the package in {@code dir}; the problem id is the directory's name.
   *
   * @throws ProblemException if the package is broken (the loader's message)
   * @throws ArchiveException if it cannot be packed (a link out of it, over the caps)
   * @throws StoreException if the store did not answer
   */
  public Pushed push(Path dir, String pushedBy) throws IOException, ArchiveException {
    ProblemPackage problem = ProblemLoader.load(dir);
    String id = problem.id();
    if (!StoreLayout.validId(id)) {
      throw new ProblemException(
          id, dir, "is not a valid problem id (letters, digits, '_', '.', '-'; 128 at most)");
    }
    Path archive = Files.createTempFile("judgefleet-push-", ".tar.gz");
    try {
      PackageArchive.Packed packed;
      try {
        packed = PackageArchive.write(dir, archive, limits);
      } catch (ArchiveException e) {
        throw new ArchiveException("problem " + id + ": " + e.getMessage(), e);
      }
      Optional<ProblemIndex> index = index(id);
      if (index.isPresent() && index.get().current().equals(packed.digest().toString())) {
        return new Pushed(id, index.get().currentVersion(), false, false, problem.warnings());
      }
      String key = StoreLayout.archive(packed.digest());
      Optional<Long> stored = store.size(key);
      if (stored.isEmpty()) {
        store.write(key, archive, StoreLayout.ARCHIVE_TYPE);
      }
      ProblemIndex.Version version =
          new ProblemIndex.Version(
              packed.digest().toString(),
              problem.contentVersion(),
              stored.orElse(packed.archiveBytes()),
              packed.manifest().fileBytes(),
              packed.manifest().files(),
              pushedBy,
              clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
      ProblemIndex updated =
          index.map(i -> i.pushed(version)).orElseGet(() -> ProblemIndex.first(id, version));
      store.write(StoreLayout.index(id), updated.json(), StoreLayout.INDEX_TYPE);
      return new Pushed(id, version, true, stored.isEmpty(), problem.warnings());
    } finally {
      Files.deleteIfExists(archive);
    }
  }

  /** The problem's index, or empty if the store has no such problem. */
  public Optional<ProblemIndex> index(String id) {
    return store
        .read(StoreLayout.index(id), StoreLayout.INDEX_MAX_BYTES)
        .map(bytes -> ProblemIndex.parse(bytes, "the index of problem " + id));
  }

  /** The ids of every problem in the store. */
  public List<String> problems() {
    return store.children(StoreLayout.PROBLEMS).stream()
        .filter(StoreLayout::validId)
        .sorted()
        .toList();
  }

  /**
   * Downloads {@code version} of {@code id} into {@code target} (a new directory), verified.
   *
   * @throws ArchiveException if the archive is missing, corrupt or not its digest
   */
  public PackageManifest pull(String id, ProblemIndex.Version version, Path target)
      throws IOException, ArchiveException {
    Path staging = Files.createTempDirectory(target.toAbsolutePath().getParent(), ".pull-");
    try {
      PackageManifest manifest =
          PackageDownload.fetch(store, version.packageDigest(), staging.resolve(id), limits);
      Files.move(staging.resolve(id), target);
      return manifest;
    } finally {
      PackageCache.deleteTree(staging);
    }
  }
}
