package dev.judgefleet.worker.rootfs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The node's content-addressed store of root filesystems, {@code <state>/rootfs}:
 *
 * <pre>
 * sha256-&lt;hex&gt;/           an image's tree, named by its digest (never changed once in place)
 * sha256-&lt;hex&gt;.manifest   the tree's manifest, to name what changed when verification fails
 * images/&lt;name&gt;.json       which digest an image name stands for, with its packages and versions
 * oci/                     the OCI image layout the images are exported to (one tag per image)
 * tmp/                     builds in progress, on the same filesystem, so a finished tree
 *                          appears in the store by one atomic rename or not at all
 * cache/                   downloaded packages, kept between builds
 * </pre>
 *
 * The store is root's alone (0700): the sandbox sees an image only through its read-only mounts.
 */
public final class RootfsStore {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  public RootfsStore(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** The store of a node whose sandbox state directory is {@code stateDir}. */
  public static RootfsStore under(Path stateDir) {
    return new RootfsStore(stateDir.resolve("rootfs"));
  }

  public Path dir() {
    return dir;
  }

  public Path ociLayout() {
    return dir.resolve("oci");
  }

  public Path packageCache(String suite) {
    return dir.resolve("cache").resolve(suite);
  }

  /** A fresh scratch directory for a build, on the store's filesystem. */
  public Path newWorkDir(String name) {
    try {
      Files.createDirectories(dir.resolve("tmp"));
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      return Files.createTempDirectory(dir.resolve("tmp"), name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("creating a build directory in " + dir, e);
    }
  }

  /**
   * Holds the store's build lock until closed: builds and imports on one node take turns (they
   * share the package cache, which mmdebstrap syncs in and out).
   */
  public AutoCloseable lockForBuilds() {
    try {
      Files.createDirectories(dir);
      java.nio.channels.FileChannel channel =
          java.nio.channels.FileChannel.open(
              dir.resolve("build.lock"),
              java.nio.file.StandardOpenOption.CREATE,
              java.nio.file.StandardOpenOption.WRITE);
      java.nio.channels.FileLock lock = channel.lock();
      return () -> {
        lock.release();
        channel.close();
      };
    } catch (IOException e) {
      throw new UncheckedIOException("locking " + dir.resolve("build.lock"), e);
    }
  }

  /** The image {@code name} stands for, if the store has one (not yet verified). */
  public Optional<StoredImage> image(String name) {
    if (!ImageInfo.validName(name)) {
      return Optional.empty();
    }
    Path pointer = dir.resolve("images").resolve(name + ".json");
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    ImageInfo info;
    try {
      info = JSON.readValue(pointer.toFile(), ImageInfo.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new RootfsException("image " + name + ": " + pointer + " is unreadable: " + e, e);
    }
    if (!info.name().equals(name)) {
      throw new RootfsException("image " + name + ": " + pointer + " names " + info.name());
    }
    return Optional.of(
        new StoredImage(
            info,
            dir.resolve("sha256-" + info.hex()),
            dir.resolve("sha256-" + info.hex() + ".manifest")));
  }

  /** Every image name in the store, sorted. */
  public List<String> names() {
    Path images = dir.resolve("images");
    if (!Files.isDirectory(images)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(images)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .filter(ImageInfo::validName)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + images, e);
    }
  }

  /**
   * Moves a finished tree into the store under its digest and points {@code info.name()} at it. A
   * tree of the same digest already in place and sound is kept (the new one is deleted); a broken
   * one is replaced.
   */
  public StoredImage install(Path tree, TreeScan scan, ImageInfo info) {
    if (!scan.digest().equals(info.digest())) {
      throw new IllegalArgumentException("the scan and the info disagree on the digest");
    }
    Path target = dir.resolve("sha256-" + info.hex());
    Path manifest = dir.resolve("sha256-" + info.hex() + ".manifest");
    try {
      writeAtomically(manifest, scan.manifest().getBytes(StandardCharsets.UTF_8));
      if (Files.exists(target)) {
        StoredImage existing = new StoredImage(info, target, manifest);
        if (existing.problem().isEmpty()) {
          deleteTree(tree);
        } else {
          Path broken = newWorkDir("broken");
          Files.move(target, broken.resolve("tree"), StandardCopyOption.ATOMIC_MOVE);
          Files.move(tree, target, StandardCopyOption.ATOMIC_MOVE);
          deleteTree(broken);
        }
      } else {
        Files.move(tree, target, StandardCopyOption.ATOMIC_MOVE);
      }
      writeInfo(info);
    } catch (AtomicMoveNotSupportedException e) {
      throw new UncheckedIOException("the build directory is not on the store's filesystem", e);
    } catch (IOException e) {
      throw new UncheckedIOException("installing image " + info.name() + " in " + dir, e);
    }
    return image(info.name()).orElseThrow();
  }

  /** Rewrites an image's info (its versions, after they were read in the image). */
  public void writeInfo(ImageInfo info) {
    try {
      writeAtomically(
          dir.resolve("images").resolve(info.name() + ".json"), JSON.writeValueAsBytes(info));
    } catch (IOException e) {
      throw new UncheckedIOException("writing the info of image " + info.name(), e);
    }
  }

  private void writeAtomically(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), ".tmp-", "");
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Deletes a tree without following links. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            // A directory without write permission cannot be emptied, even by root on some
            // filesystems' checks; make it writable first.
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            Files.delete(f);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** For listings: every image the store names, readable or not. */
  public List<Optional<StoredImage>> all() {
    List<Optional<StoredImage>> out = new ArrayList<>();
    for (String name : names()) {
      try {
        out.add(image(name));
      } catch (RootfsException e) {
        out.add(Optional.empty());
      }
    }
    return out;
  }
}
