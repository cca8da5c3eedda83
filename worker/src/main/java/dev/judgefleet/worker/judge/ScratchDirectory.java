package dev.judgefleet.worker.judge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A worker-private temporary directory for one judging (inline tests, the inputs of later passes),
 * removed on close. Programs never see it: what they read from it is passed in as descriptors.
 */
public record ScratchDirectory(Path path) implements AutoCloseable {
  public static ScratchDirectory create(String prefix) {
    try {
      return new ScratchDirectory(Files.createTempDirectory(prefix));
    } catch (IOException e) {
      throw new UncheckedIOException("creating a scratch directory", e);
    }
  }

  /** Best effort: a leftover only costs disk, and the next judging uses a directory of its own. */
  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Left for the temporary directory's own clean-up.
    }
  }
}
