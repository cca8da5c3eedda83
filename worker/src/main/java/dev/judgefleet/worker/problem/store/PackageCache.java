package dev.judgefleet.worker.problem.store;

import dev.judgefleet.worker.problem.ProblemException;
import dev.judgefleet.worker.problem.ProblemLoader;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.problem.ProblemsUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A node's cache of package versions, on local disk: {@code DIR/<id>/<digest hex>/<id>/} is the
 * package (named by the problem id, as the loader expects), beside its {@code entry.json}.
 *
 * <ul>
 *   <li>A version is fetched on first use and verified against its digest while it is unpacked into
 *       {@code DIR/.staging/}; only then is it renamed into place, atomically, so an entry appears
 *       whole or not at all. A download that fails verification is thrown away and fetched again,
 *       {@link FetchPolicy#downloadAttempts} times, then the version is reported corrupt (a {@link
 *       ProblemException} naming the digest: {@code IE}).
 *   <li>Slots asking for the same version at once share one download.
 *   <li>An unreachable store is retried with backoff ({@link FetchPolicy}); then {@link
 *       ProblemsUnavailableException}: the caller waits, nothing is judged.
 *   <li>Above {@code maxBytes}, the least recently used versions are evicted, never one that is
 *       leased (in use by a judging).
 * </ul>
 *
 * <p>Entries found at start-up are trusted: they were verified before they were renamed in, and the
 * directory is the worker's own (0700).
 */
public final class PackageCache {
  private static final Logger LOG = Logger.getLogger(PackageCache.class);
  private static final String ENTRY = "entry.json";
  private static final String STAGING = ".staging";
  private static final String EVICTED = ".evicted";

  private final Path dir;
  private final long maxBytes;
  private final UnpackLimits limits;
  private final ObjectStore store;
  private final FetchPolicy policy;

  private final Object lock = new Object();
  private final Map<Key, Entry> entries = new HashMap<>();
  private long totalBytes;
  private final Map<Key, CompletableFuture<Void>> downloads = new ConcurrentHashMap<>();

  private record Key(String problemId, PackageDigest digest) {}

  /** What {@code entry.json} holds. */
  record EntryFile(
      String problemId, String digest, String contentVersion, long bytes, int files, String at) {}

  /** A cached version. */
  public static final class Entry {
    private final VersionRef version;
    private final Path dir;
    private final long bytes;
    private int leases;
    private long lastUsedNanos;
    private ProblemPackage loaded;

    private Entry(VersionRef version, Path dir, long bytes, long lastUsedNanos) {
      this.version = version;
      this.dir = dir;
      this.bytes = bytes;
      this.lastUsedNanos = lastUsedNanos;
    }

    public VersionRef version() {
      return version;
    }

    /** The package directory. */
    public Path root() {
      return dir.resolve(version.problemId());
    }

    public long bytes() {
      return bytes;
    }

    /** The package, loaded on first use and kept as long as the entry. */
    public synchronized ProblemPackage load() {
      if (loaded == null) {
        loaded = ProblemLoader.load(root());
      }
      return loaded;
    }
  }

  /** A version in use: it is not evicted until the lease is closed. */
  public final class Lease implements AutoCloseable {
    private final Entry entry;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Lease(Entry entry) {
      this.entry = entry;
    }

    public Entry entry() {
      return entry;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        release(entry);
      }
    }
  }

  public PackageCache(
      Path dir, long maxBytes, UnpackLimits limits, ObjectStore store, FetchPolicy policy) {
    this.dir = dir.toAbsolutePath().normalize();
    this.maxBytes = maxBytes;
    this.limits = limits;
    this.store = store;
    this.policy = policy;
    try {
      Files.createDirectories(this.dir);
      Files.setPosixFilePermissions(this.dir, PosixFilePermissions.fromString("rwx------"));
      deleteTree(this.dir.resolve(STAGING));
      deleteTree(this.dir.resolve(EVICTED));
      Files.createDirectories(this.dir.resolve(STAGING));
      Files.createDirectories(this.dir.resolve(EVICTED));
      scan();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the package cache " + this.dir + ": " + e, e);
    }
    deleteAll(evictions());
  }

  public Path dir() {
    return dir;
  }

  /**
   * Leases {@code version}, fetching it first if this node lacks it.
   *
   * @throws ProblemsUnavailableException if the store did not answer after the retries
   * @throws ProblemException if the version stays corrupt
   */
  public Lease acquire(VersionRef version) {
    Key key = new Key(version.problemId(), version.digest());
    while (true) {
      Optional<Lease> cached = leaseCached(key);
      if (cached.isPresent()) {
        return cached.get();
      }
      CompletableFuture<Void> mine = new CompletableFuture<>();
      CompletableFuture<Void> running = downloads.putIfAbsent(key, mine);
      if (running != null) {
        await(running);
        continue;
      }
      try {
        Entry entry = fetch(version);
        List<Path> victims;
        synchronized (lock) {
          entries.put(key, entry);
          totalBytes += entry.bytes;
          entry.leases++;
          victims = evictions();
        }
        mine.complete(null);
        deleteAll(victims);
        return new Lease(entry);
      } catch (RuntimeException e) {
        mine.completeExceptionally(e);
        throw e;
      } finally {
        downloads.remove(key, mine);
      }
    }
  }

  /** Leases {@code version} if it is cached; never fetches. */
  public Optional<Lease> leaseCached(VersionRef version) {
    return leaseCached(new Key(version.problemId(), version.digest()));
  }

  private Optional<Lease> leaseCached(Key key) {
    synchronized (lock) {
      Entry entry = entries.get(key);
      if (entry == null) {
        return Optional.empty();
      }
      entry.leases++;
      entry.lastUsedNanos = System.nanoTime();
      return Optional.of(new Lease(entry));
    }
  }

  /** The most recently used cached version of {@code problemId} with that content version. */
  public Optional<VersionRef> cached(String problemId, String contentVersion) {
    synchronized (lock) {
      return entries.values().stream()
          .filter(e -> e.version.problemId().equals(problemId))
          .filter(e -> e.version.contentVersion().equals(contentVersion))
          .max(Comparator.comparingLong(e -> e.lastUsedNanos))
          .map(e -> e.version);
    }
  }

  public boolean contains(VersionRef version) {
    synchronized (lock) {
      return entries.containsKey(new Key(version.problemId(), version.digest()));
    }
  }

  /** The bytes of every cached version's files. */
  public long sizeBytes() {
    synchronized (lock) {
      return totalBytes;
    }
  }

  /** Every cached version. */
  public List<VersionRef> versions() {
    synchronized (lock) {
      return entries.values().stream().map(e -> e.version).toList();
    }
  }

  private void release(Entry entry) {
    List<Path> victims;
    synchronized (lock) {
      entry.leases--;
      entry.lastUsedNanos = System.nanoTime();
      victims = totalBytes > maxBytes ? evictions() : List.of();
    }
    deleteAll(victims);
  }

  /**
   * Takes least recently used, unleased entries out until the cache fits (or only leased ones are
   * left), and moves their directories aside; the caller deletes them outside the lock.
   */
  private List<Path> evictions() {
    List<Path> victims = new ArrayList<>();
    synchronized (lock) {
      while (totalBytes > maxBytes) {
        Optional<Map.Entry<Key, Entry>> oldest =
            entries.entrySet().stream()
                .filter(e -> e.getValue().leases == 0)
                .min(Comparator.comparingLong(e -> e.getValue().lastUsedNanos));
        if (oldest.isEmpty()) {
          LOG.warnf(
              "package cache %s: %d bytes, over its %d, but every version left is in use",
              dir, totalBytes, maxBytes);
          break;
        }
        Entry entry = oldest.get().getValue();
        entries.remove(oldest.get().getKey());
        totalBytes -= entry.bytes;
        Path aside = dir.resolve(EVICTED).resolve(UUID.randomUUID().toString());
        try {
          Files.move(entry.dir, aside, StandardCopyOption.ATOMIC_MOVE);
          victims.add(aside);
        } catch (IOException e) {
          LOG.warnf("package cache: cannot move %s aside: %s", entry.dir, e);
        }
        LOG.infof(
            "package cache: evicted %s %s (%d bytes, least recently used)",
            entry.version.problemId(), entry.version.digest(), entry.bytes);
      }
    }
    return victims;
  }

  private Entry fetch(VersionRef version) {
    int corrupt = 0;
    int unanswered = 0;
    while (true) {
      Path staging = dir.resolve(STAGING).resolve(UUID.randomUUID().toString());
      try {
        Files.createDirectory(staging);
        long started = System.nanoTime();
        PackageManifest manifest =
            PackageDownload.fetch(
                store, version.digest(), staging.resolve(version.problemId()), limits);
        EntryFile file =
            new EntryFile(
                version.problemId(),
                version.digest().toString(),
                version.contentVersion(),
                manifest.fileBytes(),
                manifest.files(),
                Instant.now().toString());
        Files.write(staging.resolve(ENTRY), StoreJson.write(file));
        Path target = dir.resolve(version.problemId()).resolve(version.digest().hex());
        Files.createDirectories(target.getParent());
        deleteTree(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        LOG.infof(
            "package cache: fetched %s %s (%d files, %d bytes) in %d ms",
            version.problemId(),
            version.digest(),
            manifest.files(),
            manifest.fileBytes(),
            (System.nanoTime() - started) / 1_000_000);
        return new Entry(version, target, manifest.fileBytes(), System.nanoTime());
      } catch (ArchiveException e) {
        deleteTree(staging);
        corrupt++;
        LOG.warnf(
            "package cache: download %d of %s %s failed verification: %s",
            corrupt, version.problemId(), version.digest(), e.getMessage());
        if (corrupt >= policy.downloadAttempts()) {
          throw new ProblemException(
              version.problemId(),
              null,
              "package "
                  + version.digest()
                  + " is corrupt in the store "
                  + store.settings().describe()
                  + ": "
                  + corrupt
                  + " downloads failed verification, the last: "
                  + e.getMessage(),
              e);
        }
      } catch (StoreException | PackageUnpacker.SourceException e) {
        deleteTree(staging);
        if (unanswered >= policy.retries()) {
          throw new ProblemsUnavailableException(
              "problem "
                  + version.problemId()
                  + ": package "
                  + version.digest()
                  + " cannot be fetched now ("
                  + (unanswered + 1)
                  + " tries): "
                  + e.getMessage(),
              e);
        }
        unanswered++;
        sleep(policy.backoff(unanswered));
      } catch (IOException e) {
        deleteTree(staging);
        throw new UncheckedIOException(
            "package cache " + dir + ": cannot store " + version.digest() + ": " + e, e);
      }
    }
  }

  private void scan() throws IOException {
    try (Stream<Path> problems = Files.list(dir)) {
      for (Path problem : problems.toList()) {
        String name = problem.getFileName().toString();
        if (name.startsWith(".") || !Files.isDirectory(problem, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        try (Stream<Path> versions = Files.list(problem)) {
          for (Path version : versions.toList()) {
            Optional<Entry> entry = read(version);
            if (entry.isEmpty()) {
              LOG.warnf("package cache: removing %s, not a complete entry", version);
              deleteTree(version);
              continue;
            }
            entries.put(
                new Key(entry.get().version.problemId(), entry.get().version.digest()),
                entry.get());
            totalBytes += entry.get().bytes;
          }
        }
      }
    }
  }

  private static Optional<Entry> read(Path version) {
    try {
      EntryFile file =
          StoreJson.read(Files.readAllBytes(version.resolve(ENTRY)), EntryFile.class, "entry");
      VersionRef ref =
          new VersionRef(
              file.problemId(), PackageDigest.parse(file.digest()), file.contentVersion());
      if (!version.getFileName().toString().equals(ref.digest().hex())
          || !Files.isDirectory(version.resolve(ref.problemId()), LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      // Older entries first: the file's time stands for the last use before the restart.
      long age =
          System.currentTimeMillis() - Files.getLastModifiedTime(version.resolve(ENTRY)).toMillis();
      return Optional.of(
          new Entry(ref, version, file.bytes(), System.nanoTime() - age * 1_000_000));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void await(CompletableFuture<Void> download) {
    try {
      download.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static void sleep(java.time.Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProblemsUnavailableException("interrupted while waiting for the store", e);
    }
  }

  private static void deleteAll(List<Path> victims) {
    victims.forEach(PackageCache::deleteTree);
  }

  /** Deletes a tree without following links (an unpacked package holds none, but be sure). */
  public static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warnf("package cache: cannot delete %s: %s", root, e);
    }
  }
}
