package dev.judgefleet.worker.problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The worker's problem packages: one directory per problem id under a root, loaded on first use and
 * cached with their content version. A cached package is checked against the disk at most once per
 * refresh interval (by its files' sizes and modification times) and reloaded when it changed, so an
 * updated package is picked up without a restart and a stale {@code problemVersion} is noticed.
 */
public final class ProblemStore implements ProblemSource {
  /** Problem ids are package directory names: no path separators, no leading dot. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  private final Path root;
  private final Duration refresh;
  private final Clock clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  private record Entry(ProblemPackage problem, long stamp, long checkedAtMillis) {}

  public ProblemStore(Path root, Duration refresh) {
    this(root, refresh, Clock.systemUTC());
  }

  ProblemStore(Path root, Duration refresh, Clock clock) {
    this.root = root.toAbsolutePath().normalize();
    this.refresh = refresh;
    this.clock = clock;
  }

  public Path root() {
    return root;
  }

  @Override
  public Optional<ProblemHandle> open(String id, Optional<String> version) {
    return find(id).map(ProblemHandle::of);
  }

  @Override
  public String where() {
    return "under " + root;
  }

  /**
   * The package of {@code id}, or empty if there is no such directory.
   *
   * @throws ProblemException if the package exists but is broken
   */
  public Optional<ProblemPackage> find(String id) {
    if (!ID.matcher(id).matches()) {
      return Optional.empty();
    }
    Path dir = root.resolve(id);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      cache.remove(id);
      return Optional.empty();
    }
    long now = clock.millis();
    Entry entry = cache.get(id);
    if (entry != null && now - entry.checkedAtMillis < refresh.toMillis()) {
      return Optional.of(entry.problem);
    }
    long stamp = stamp(dir);
    if (entry != null && entry.stamp == stamp) {
      cache.put(id, new Entry(entry.problem, stamp, now));
      return Optional.of(entry.problem);
    }
    ProblemPackage loaded = ProblemLoader.load(dir);
    cache.put(id, new Entry(loaded, stamp, now));
    return Optional.of(loaded);
  }

  /**
   * The ids of every package directory under the root: the ids {@link #find} may answer, so a
   * symlink to a directory is left out as it is there.
   */
  @Override
  public List<String> ids() {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> p.getFileName().toString())
          .filter(n -> ID.matcher(n).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** A cheap fingerprint of a package directory: every file's path, size and mtime. */
  private static long stamp(Path dir) {
    long stamp = 17;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted().toList()) {
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        stamp = stamp * 31 + p.toString().hashCode();
        stamp = stamp * 31 + a.size();
        stamp = stamp * 31 + a.lastModifiedTime().toMillis();
      }
    } catch (IOException e) {
      return -1;
    }
    return stamp;
  }
}
