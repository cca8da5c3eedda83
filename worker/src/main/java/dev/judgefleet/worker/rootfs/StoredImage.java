package dev.judgefleet.worker.rootfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An image in the store, verified before its first use: its tree is hashed again and must give the
 * digest it is named by. Verification runs once per process (the first sandbox in it, or {@code
 * judge rootfs verify}); a failure is remembered, so a corrupted image is never used and every
 * later use gets the same clear error.
 */
public final class StoredImage {
  private final ImageInfo info;
  private final Path root;
  private final Path manifest;
  private Optional<String> problem;

  StoredImage(ImageInfo info, Path root, Path manifest) {
    this.info = info;
    this.root = root;
    this.manifest = manifest;
  }

  public ImageInfo info() {
    return info;
  }

  public String name() {
    return info.name();
  }

  public String digest() {
    return info.digest();
  }

  /** The tree's directory, whether or not it was verified yet. */
  public Path root() {
    return root;
  }

  /**
   * The tree's directory, verified.
   *
   * @throws RootfsException when it is missing, partial or corrupted
   */
  public Path verifiedRoot() {
    Optional<String> p = problem();
    if (p.isPresent()) {
      throw new RootfsException(p.get());
    }
    return root;
  }

  /** What is wrong with the image (verifying it first, once), or empty when it is sound. */
  public synchronized Optional<String> problem() {
    if (problem == null) {
      problem = check();
    }
    return problem;
  }

  /** Verifies the tree again, even if it was verified before. */
  public synchronized Optional<String> recheck() {
    problem = check();
    return problem;
  }

  private Optional<String> check() {
    String which = "image " + info.name() + " (" + info.digest() + ")";
    if (!Files.isDirectory(root)) {
      return Optional.of(which + ": " + root + " is missing (a partial or removed image; rebuild)");
    }
    TreeScan scan;
    try {
      scan = TreeScan.of(root);
    } catch (UncheckedIOException e) {
      return Optional.of(which + " cannot be read: " + e.getMessage());
    }
    if (scan.digest().equals(info.digest())) {
      return Optional.empty();
    }
    String where = "";
    try {
      TreeScan expected =
          TreeScan.parseManifest(Files.readString(manifest, StandardCharsets.UTF_8));
      where = expected.firstDifference(scan).map(d -> ": " + d).orElse("");
    } catch (IOException | IllegalArgumentException e) {
      where = " (its manifest is unreadable too: " + e.getMessage() + ")";
    }
    return Optional.of(
        which + " is corrupted" + where + "; its tree hashes to " + scan.digest() + "; rebuild");
  }
}
