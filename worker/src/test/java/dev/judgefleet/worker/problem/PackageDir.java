package dev.judgefleet.worker.problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small problem package into a test's temporary directory. */
final class PackageDir {
  final Path root;

  PackageDir(Path parent, String id) {
    this.root = parent.resolve(id);
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code content} to {@code path} (relative to the package), creating directories. */
  PackageDir file(String path, String content) {
    return bytes(path, content.getBytes(StandardCharsets.UTF_8));
  }

  PackageDir bytes(String path, byte[] content) {
    Path file = root.resolve(path);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A test case {@code name} ({@code data/secret/01}): its .in and .ans. */
  PackageDir test(String name) {
    return file(name + ".in", "1 2\n").file(name + ".ans", "3\n");
  }

  PackageDir dir(String path) {
    try {
      Files.createDirectories(root.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A symlink at {@code path} pointing to {@code target} (as written, relative or absolute). */
  PackageDir symlink(String path, String target) {
    Path link = root.resolve(path);
    try {
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, Path.of(target));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Path path(String relative) {
    return root.resolve(relative);
  }

  ProblemPackage load() {
    return ProblemLoader.load(root);
  }
}
