package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.language.Language;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The version line each toolchain prints, asked of the toolchains at once rather than one after
 * another, and remembered in a cache file for as long as the toolchain's binary is the same file
 * (real path, size and modification time): a JDK's {@code javac -version} alone costs a JVM start.
 */
final class ToolchainVersions {

  /** A toolchain's binary as found now: the file it resolves to, its size and its mtime. */
  record Stamp(String binary, long sizeBytes, long modifiedNanos) {}

  /** One remembered answer: the binary it came from, and the line. */
  record Entry(Stamp stamp, String version) {
    /** As a line of the cache file: binary, size, mtime and version, tab-separated. */
    String line() {
      return String.join(
          "\t",
          stamp.binary(),
          Long.toString(stamp.sizeBytes()),
          Long.toString(stamp.modifiedNanos()),
          version);
    }

    static Optional<Entry> parse(String line) {
      String[] f = line.split("\t", 4);
      try {
        return f.length == 4
            ? Optional.of(
                new Entry(new Stamp(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])), f[3]))
            : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  private final Path cacheFile;

  /**
   * @param cacheFile where answers are remembered; null to ask every time
   */
  ToolchainVersions(Path cacheFile) {
    this.cacheFile = cacheFile;
  }

  /** The user's cache directory ({@code $XDG_CACHE_HOME}, else {@code ~/.cache}). */
  static ToolchainVersions inUserCache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return new ToolchainVersions(
        base.resolve("judgefleet").resolve("toolchain-versions.properties"));
  }

  /** The version line of each language, by id; "?" where a toolchain printed nothing usable. */
  Map<String, String> of(Collection<Language> languages) {
    Map<String, Entry> cache = read();
    Map<String, String> versions = new TreeMap<>();
    Map<String, CompletableFuture<String>> asked = new TreeMap<>();
    Map<String, Stamp> stamps = new TreeMap<>();
    ExecutorService pool = Executors.newCachedThreadPool(ToolchainVersions::daemon);
    try {
      for (Language language : languages) {
        Optional<Stamp> stamp = stamp(language.version().get(0));
        Entry known = cache.get(key(language));
        if (stamp.isPresent() && known != null && stamp.get().equals(known.stamp())) {
          versions.put(language.id(), known.version());
          continue;
        }
        stamp.ifPresent(s -> stamps.put(language.id(), s));
        asked.put(
            language.id(), CompletableFuture.supplyAsync(() -> ask(language.version()), pool));
      }
      boolean learned = false;
      for (Language language : languages) {
        CompletableFuture<String> answer = asked.get(language.id());
        if (answer == null) {
          continue;
        }
        String version = answer.join();
        versions.put(language.id(), version);
        Stamp stamp = stamps.get(language.id());
        if (stamp != null && !version.equals("?")) {
          cache.put(key(language), new Entry(stamp, version));
          learned = true;
        }
      }
      if (learned) {
        write(cache);
      }
      return versions;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String key(Language language) {
    return String.join(" ", language.version());
  }

  /** The binary {@code executable} resolves to, as a cache key; empty when it is not there. */
  private static Optional<Stamp> stamp(String executable) {
    try {
      Path real = Path.of(executable).toRealPath();
      BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
      return Optional.of(
          new Stamp(real.toString(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The first line the toolchain prints of its version (run on the host, 10 s at most). */
  static String ask(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "?";
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return out.isEmpty() ? "?" : out.lines().findFirst().orElse("?");
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  private Map<String, Entry> read() {
    Map<String, Entry> cache = new TreeMap<>();
    if (cacheFile == null || !Files.isRegularFile(cacheFile)) {
      return cache;
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(cacheFile, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException | IllegalArgumentException e) {
      // A damaged cache is asked again and rewritten.
      return cache;
    }
    for (String key : p.stringPropertyNames()) {
      Entry.parse(p.getProperty(key)).ifPresent(e -> cache.put(key, e));
    }
    return cache;
  }

  private void write(Map<String, Entry> cache) {
    if (cacheFile == null) {
      return;
    }
    Path tmp = null;
    try {
      Files.createDirectories(cacheFile.getParent());
      tmp = Files.createTempFile(cacheFile.getParent(), "toolchain-versions", ".tmp");
      Properties p = new Properties();
      cache.forEach((key, entry) -> p.setProperty(key, entry.line()));
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(out, "judge languages: toolchain versions, by version command");
      }
      // Whole or not at all: a reader never sees half a file.
      Files.move(
          tmp, cacheFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // An unwritable cache only means asking again next time.
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Nothing more to do.
        }
      }
    }
  }

  private static Thread daemon(Runnable task) {
    Thread t = new Thread(task, "toolchain-version");
    t.setDaemon(true);
    return t;
  }
}
