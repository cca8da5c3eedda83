package dev.judgefleet.worker.judge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Time limits derived from reference runs, remembered per package version in the worker's state
 * directory, so a package without an explicit limit is measured once, not once per submission.
 */
public final class DerivedTimeLimits {
  private final Path dir;

  public DerivedTimeLimits(Path stateDir) {
    this.dir = stateDir.resolve("derived-time-limits");
  }

  public Optional<Duration> get(String problemId, String version) {
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

  public void put(String problemId, String version, Duration limit) {
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
