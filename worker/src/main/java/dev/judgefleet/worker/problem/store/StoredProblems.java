package dev.judgefleet.worker.problem.store;

import dev.judgefleet.worker.problem.ProblemException;
import dev.judgefleet.worker.problem.ProblemHandle;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.problem.ProblemSource;
import dev.judgefleet.worker.problem.ProblemsUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Problems from the fleet's store, through this node's {@link PackageCache}.
 *
 * <p>Which version a submission gets: the one its {@code problemVersion} pins (a content version,
 * looked up in the announcements, the cache, then the problem's index), else the current one, as
 * the last announcement on {@code judge.problems} says or, for a problem not announced yet, its
 * index (read at most once per {@code indexTtl}; an old copy is used while the store is down). An
 * announced version is prefetched in the background, so the first submission after a push does not
 * wait for the download.
 */
public final class StoredProblems implements ProblemSource, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(StoredProblems.class);

  private final ObjectStore store;
  private final PackageCache cache;
  private final FetchPolicy policy;
  private final Duration indexTtl;
  private final Map<String, ProblemAnnouncement> announced = new ConcurrentHashMap<>();
  private final Map<String, IndexRead> indexes = new ConcurrentHashMap<>();
  private final ExecutorService prefetcher =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "judge-problem-prefetch");
            t.setDaemon(true);
            return t;
          });

  /** An index as read at a time; empty when the store has no such problem. */
  private record IndexRead(Optional<ProblemIndex> index, long readAtNanos) {}

  public StoredProblems(
      ObjectStore store, PackageCache cache, FetchPolicy policy, Duration indexTtl) {
    this.store = store;
    this.cache = cache;
    this.policy = policy;
    this.indexTtl = indexTtl;
  }

  /** Connects to the store and opens the node's cache, as the worker configuration says. */
  public static StoredProblems connect(
      StoreSettings settings,
      Path cacheDir,
      long cacheMaxBytes,
      UnpackLimits limits,
      FetchPolicy policy,
      Duration indexTtl) {
    ObjectStore store = ObjectStore.connect(settings);
    try {
      return new StoredProblems(
          store,
          new PackageCache(cacheDir, cacheMaxBytes, limits, store, policy),
          policy,
          indexTtl);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  public PackageCache cache() {
    return cache;
  }

  @Override
  public Optional<ProblemHandle> open(String id, Optional<String> version) {
    if (!StoreLayout.validId(id)) {
      return Optional.empty();
    }
    Optional<VersionRef> ref = resolve(id, version);
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    PackageCache.Lease lease = cache.acquire(ref.get());
    try {
      ProblemPackage problem = lease.entry().load();
      return Optional.of(
          new ProblemHandle() {
            @Override
            public ProblemPackage problem() {
              return problem;
            }

            @Override
            public void close() {
              lease.close();
            }
          });
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /** The problems in the store now (one LIST request). */
  @Override
  public List<String> ids() {
    return store.children(StoreLayout.PROBLEMS).stream()
        .filter(StoreLayout::validId)
        .sorted()
        .toList();
  }

  @Override
  public String where() {
    return "in the problem store " + store.settings().describe();
  }

  @Override
  public boolean reachable() {
    return store.reachable();
  }

  /**
   * A push made {@code announcement}'s version current: remember it and fetch it in the background.
   */
  public void announced(ProblemAnnouncement announcement) {
    announced.put(announcement.problemId(), announcement);
    VersionRef ref = VersionRef.of(announcement);
    if (cache.contains(ref)) {
      return;
    }
    prefetcher.execute(
        () -> {
          try (PackageCache.Lease lease = cache.acquire(ref)) {
            lease.entry().load();
          } catch (RuntimeException e) {
            LOG.warnf(
                "prefetching %s %s failed (fetched again on first use): %s",
                ref.problemId(), ref.digest(), e.getMessage());
          }
        });
  }

  /** The version a submission gets; empty if the store has no such problem. */
  Optional<VersionRef> resolve(String id, Optional<String> pin) {
    ProblemAnnouncement current = announced.get(id);
    if (pin.isPresent()) {
      if (current != null && current.contentVersion().equals(pin.get())) {
        return Optional.of(VersionRef.of(current));
      }
      Optional<VersionRef> cached = cache.cached(id, pin.get());
      if (cached.isPresent()) {
        return cached;
      }
      // A version this node has not seen: only the index can say whether it exists.
      return index(id, true)
          .map(
              index ->
                  VersionRef.of(
                      id, index.withContentVersion(pin.get()).orElse(index.currentVersion())));
    }
    if (current != null) {
      return Optional.of(VersionRef.of(current));
    }
    return index(id, false).map(index -> VersionRef.of(id, index.currentVersion()));
  }

  /**
   * The problem's index: a recent copy unless {@code fresh}, an old one while the store is down.
   */
  private Optional<ProblemIndex> index(String id, boolean fresh) {
    IndexRead known = indexes.get(id);
    if (!fresh && known != null && System.nanoTime() - known.readAtNanos < indexTtl.toNanos()) {
      return known.index;
    }
    Optional<byte[]> json;
    try {
      json =
          retrying(
              "problem " + id + ": reading its index",
              () -> store.read(StoreLayout.index(id), StoreLayout.INDEX_MAX_BYTES));
    } catch (ProblemsUnavailableException e) {
      if (known != null && known.index.isPresent()) {
        LOG.warnf("%s; using the copy read before", e.getMessage());
        return known.index;
      }
      throw e;
    }
    Optional<ProblemIndex> index;
    try {
      index = json.map(bytes -> ProblemIndex.parse(bytes, "the index of problem " + id));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(id, null, e.getMessage() + " (in " + where() + ")", e);
    }
    indexes.put(id, new IndexRead(index, System.nanoTime()));
    return index;
  }

  private <T> T retrying(String what, Supplier<T> request) {
    for (int attempt = 0; ; attempt++) {
      try {
        return request.get();
      } catch (StoreException e) {
        if (attempt >= policy.retries()) {
          throw new ProblemsUnavailableException(
              what + " failed (" + (attempt + 1) + " tries): " + e.getMessage(), e);
        }
        try {
          Thread.sleep(policy.backoff(attempt + 1).toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new ProblemsUnavailableException(what + ": interrupted", interrupted);
        }
      }
    }
  }

  @Override
  public void close() {
    prefetcher.shutdownNow();
    store.close();
  }
}
