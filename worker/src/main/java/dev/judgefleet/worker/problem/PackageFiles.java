package dev.judgefleet.worker.problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The only way the loader touches the package's files, so that everything it records is inside the
 * package (2025-09 "General requirements": symlinks must not have targets outside the package).
 *
 * <p>Every entry is resolved with its symlinks followed and checked to be under the real root; a
 * link that leads outside, dangles or loops is an error naming the link. Walks carry the chain of
 * real directories they came through, so a link back to an ancestor is refused instead of followed
 * forever. Files are never read whole unless they are small and capped.
 */
final class PackageFiles {
  /**
   * The 2025-09 name rule. Names starting with '.' or '-' are silently ignored, as the spec says;
   * other invalid names are ignored with a warning (they might have been meant as test data).
   */
  private static final Pattern VALID_NAME = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,254}");

  private final Path root;
  private final PackageEntry rootEntry;
  private final LoadLimits limits;
  private final LoadReport report;

  /**
   * Every directory listed so far, by package path. Several steps walk the same directories (data/
   * for the tests and for the hash, the output validator for its checks and for the hash); the memo
   * makes each directory cost one listing, one share of {@link LoadLimits#directoryEntries()} and
   * one set of warnings. It lives as long as this object, that is one load.
   */
  private final Map<String, List<PackageEntry>> listed = new HashMap<>();

  private int entriesSeen;

  private PackageFiles(Path root, LoadLimits limits, LoadReport report) {
    this.root = root;
    this.rootEntry = new PackageEntry("", root, true, 0, null);
    this.limits = limits;
    this.report = report;
  }

  /** Opens the package directory {@code dir}; the problem's id is the directory's name. */
  static PackageFiles open(Path dir, LoadLimits limits) {
    Path named = dir.toAbsolutePath().normalize();
    String id = named.getFileName() == null ? named.toString() : named.getFileName().toString();
    LoadReport report = new LoadReport(id);
    Path real;
    try {
      real = named.toRealPath();
    } catch (IOException e) {
      throw report.error(named, "cannot open the package directory: " + reason(e), e);
    }
    if (!Files.isDirectory(real)) {
      throw report.error(named, "is not a directory");
    }
    // Say so plainly rather than name the first missing part of a package that is not one.
    if (!Files.exists(real.resolve("problem.yaml"), LinkOption.NOFOLLOW_LINKS)
        && !Files.exists(real.resolve("data"), LinkOption.NOFOLLOW_LINKS)) {
      throw report.error(named, "is not a problem package (no problem.yaml, no data/)");
    }
    return new PackageFiles(real, limits, report);
  }

  Path root() {
    return root;
  }

  LoadLimits limits() {
    return limits;
  }

  LoadReport report() {
    return report;
  }

  /** The path to show in messages: the package's own name for the entry, under the root. */
  Path pathOf(PackageEntry entry) {
    return root.resolve(entry.path());
  }

  /** The path to show in messages for {@code relativePath}, which need not exist. */
  Path pathOf(String relativePath) {
    return root.resolve(relativePath);
  }

  /**
   * The entry at {@code relativePath} ('/'-separated), or empty if it does not exist. The name rule
   * is not applied, so {@code .timelimit} can be found.
   */
  Optional<PackageEntry> find(String relativePath) {
    PackageEntry current = rootEntry;
    for (String name : relativePath.split("/")) {
      if (!current.directory()) {
        return Optional.empty();
      }
      Optional<PackageEntry> child = child(current, name);
      if (child.isEmpty()) {
        return Optional.empty();
      }
      current = child.get();
    }
    return Optional.of(current);
  }

  /** {@code name} in {@code dir}, or empty if it does not exist. */
  Optional<PackageEntry> find(PackageEntry dir, String name) {
    return dir.directory() ? child(dir, name) : Optional.empty();
  }

  /**
   * The entries of {@code dir} in lexicographic order of name, without the ones the spec says to
   * ignore (names starting with '.' or '-', or with characters outside {@code [a-zA-Z0-9_.-]}).
   */
  List<PackageEntry> list(PackageEntry dir) {
    return listed.computeIfAbsent(dir.path(), path -> List.copyOf(read(dir)));
  }

  private List<PackageEntry> read(PackageEntry dir) {
    List<String> names = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir.file())) {
      children.forEach(
          child -> {
            if (++entriesSeen > limits.directoryEntries()) {
              throw report.error(
                  pathOf(dir),
                  "more than " + limits.directoryEntries() + " directory entries in the package");
            }
            names.add(child.getFileName().toString());
          });
    } catch (IOException e) {
      throw report.error(pathOf(dir), "cannot list the directory: " + reason(e), e);
    }
    names.sort(Comparator.naturalOrder());
    List<PackageEntry> entries = new ArrayList<>();
    for (String name : names) {
      if (name.startsWith(".") || name.startsWith("-")) {
        continue;
      }
      if (!VALID_NAME.matcher(name).matches()) {
        report.warn(
            join(dir.path(), name)
                + ": ignored, a name must match [a-zA-Z0-9_][a-zA-Z0-9_.-]{0,254}");
        continue;
      }
      child(dir, name).ifPresent(entries::add);
    }
    return entries;
  }

  /**
   * Every regular file under {@code entry} (or {@code entry} itself if it is a file), in
   * lexicographic order of path, ignored names left out.
   */
  List<PackageEntry> walkFiles(PackageEntry entry) {
    List<PackageEntry> files = new ArrayList<>();
    collectFiles(entry, files);
    files.sort(Comparator.comparing(PackageEntry::path));
    return files;
  }

  private void collectFiles(PackageEntry entry, List<PackageEntry> into) {
    if (!entry.directory()) {
      into.add(entry);
      return;
    }
    for (PackageEntry child : list(entry)) {
      collectFiles(child, into);
    }
  }

  /** A small file's bytes, at most {@code capBytes} of them, else an error. */
  byte[] readCapped(PackageEntry file, long capBytes) {
    requireFile(file);
    try (InputStream in = Files.newInputStream(file.file())) {
      // Read one byte past the cap rather than trusting the size: the file may grow meanwhile.
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, capBytes + 1));
      if (bytes.length > capBytes) {
        throw report.error(pathOf(file), "is larger than the " + bytesText(capBytes) + " allowed");
      }
      return bytes;
    } catch (IOException e) {
      throw report.error(pathOf(file), "cannot read: " + reason(e), e);
    }
  }

  /** Opens a regular file for streaming. */
  InputStream open(PackageEntry file) {
    requireFile(file);
    try {
      return Files.newInputStream(file.file());
    } catch (IOException e) {
      throw report.error(pathOf(file), "cannot read: " + reason(e), e);
    }
  }

  private void requireFile(PackageEntry file) {
    if (file.directory()) {
      throw report.error(pathOf(file), "is a directory, a file was expected");
    }
  }

  /**
   * Resolves {@code name} in {@code dir}: follows a symlink only to a target inside the package
   * that is not one of the walk's own ancestors, and accepts only regular files and directories.
   */
  private Optional<PackageEntry> child(PackageEntry dir, String name) {
    String path = join(dir.path(), name);
    Path shown = pathOf(path);
    Path link = dir.file().resolve(name);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(link, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw report.error(shown, "cannot read: " + reason(e), e);
    }
    Path real = link;
    if (attributes.isSymbolicLink()) {
      try {
        real = link.toRealPath();
      } catch (NoSuchFileException e) {
        throw report.error(shown, "is a broken symlink", e);
      } catch (FileSystemException e) {
        if (reason(e).startsWith("Too many levels of symbolic links")) {
          // ELOOP: a chain of links that never reaches a file (a -> b -> a).
          throw report.error(
              shown, "is a symlink loop: its chain of links never reaches a file", e);
        }
        throw report.error(shown, "is a symlink that cannot be resolved: " + reason(e), e);
      } catch (IOException e) {
        throw report.error(shown, "cannot resolve the symlink: " + reason(e), e);
      }
      if (!real.startsWith(root)) {
        throw report.error(shown, "is a symlink to " + real + ", outside the package");
      }
      try {
        attributes = Files.readAttributes(real, BasicFileAttributes.class);
      } catch (IOException e) {
        throw report.error(shown, "cannot read the symlink's target: " + reason(e), e);
      }
    }
    if (attributes.isDirectory()) {
      Optional<PackageEntry> ancestor = dir.ancestorAt(real);
      if (ancestor.isPresent()) {
        String target =
            ancestor.get().path().isEmpty() ? "the package root" : ancestor.get().path();
        throw report.error(shown, "is a symlink cycle: it leads back to " + target);
      }
      return Optional.of(new PackageEntry(path, real, true, 0, dir));
    }
    if (!attributes.isRegularFile()) {
      throw report.error(shown, "is neither a regular file nor a directory");
    }
    return Optional.of(new PackageEntry(path, real, false, attributes.size(), dir));
  }

  private static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  /**
   * The start of a message about a file over a size cap, {@code is 100 bytes, more than the 64
   * bytes}; the caller says what the cap is for.
   */
  static String oversize(PackageEntry file, long capBytes) {
    return "is " + file.sizeBytes() + " bytes, more than the " + bytesText(capBytes);
  }

  static String bytesText(long bytes) {
    if (bytes % LoadLimits.GIB == 0) {
      return bytes / LoadLimits.GIB + " GiB";
    }
    if (bytes % LoadLimits.MIB == 0) {
      return bytes / LoadLimits.MIB + " MiB";
    }
    if (bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }

  private static String reason(IOException e) {
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
