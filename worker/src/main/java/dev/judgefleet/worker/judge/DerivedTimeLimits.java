package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.problem.ProblemPackage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Time limits derived from reference runs, remembered per package version in the worker's state
 * directory, so a package without an explicit limit is measured once, not once per submission.
 */
public final class DerivedTimeLimits {
  private final Path dir;

  public DerivedTimeLimits(Path stateDir) {
    this.dir = stateDir.resolve("derived-time-limits");
  }

  /**
   * The package's remembered limit, else {@code derive}'s, remembered. Synchronized so that
   * concurrent judgings of a new package measure it once, not once each.
   */
  public synchronized Duration getOrDerive(ProblemPackage problem, Supplier<Duration> derive) {
    return get(problem.id(), problem.contentVersion())
        .orElseGet(
            () -> {
              Duration limit = derive.get();
              put(problem.id(), problem.contentVersion(), limit);
              return limit;
            });
  }

  private Optional<Duration> get(String problemId, String version) {
    Path file = dir.resolve(problemId + "@" + version);
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofNanos(Long.parseLong(Files.readString(file).strip())));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void put(String problemId, String version, Duration limit) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, problemId, ".tmp");
      Files.writeString(tmp, Long.toString(limit.toNanos()));
      Files.move(
          tmp,
          dir.resolve(problemId + "@" + version),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("remembering the derived time limit of " + problemId, e);
    }
  }
}
