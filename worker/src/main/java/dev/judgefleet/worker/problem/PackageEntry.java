package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A file or directory of a package, found through {@link PackageFiles} and so known to be inside
 * the package.
 *
 * @param path the path relative to the package root, as the package names it ({@code
 *     data/secret/01.in}), '/'-separated; "" for the root
 * @param file the real path (symlinks resolved), inside the package root
 * @param directory a directory (else a regular file)
 * @param sizeBytes the size of a regular file (0 for a directory)
 * @param parent the directory it was found in (null for the root): the chain of real paths that
 *     lets every walk refuse a symlink that leads back to one of its own ancestors
 */
record PackageEntry(
    String path, Path file, boolean directory, long sizeBytes, PackageEntry parent) {

  String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The path under {@code base}, which must be this entry or one of its ancestors' paths. */
  String pathUnder(PackageEntry base) {
    return base.path.isEmpty()
        ? path
        : path.substring(Math.min(path.length(), base.path.length() + 1));
  }

  /** The ancestor (or this entry) whose real path is {@code real}, if any. */
  Optional<PackageEntry> ancestorAt(Path real) {
    for (PackageEntry e = this; e != null; e = e.parent) {
      if (e.file.equals(real)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return path;
  }
}
