package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunStatus;
import dev.judgefleet.worker.sandbox.WorkFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The node's compiled programs, by {@link CompileCacheKey}: a rejudge, or a resubmission of the
 * same code, does not compile again. An entry is a directory named by the key: the files the
 * compile left in /box (the sources aside), the compiler's output, and a manifest with each one's
 * size and SHA-256.
 *
 * <ul>
 *   <li>An entry appears whole or not at all: it is written in a staging directory and renamed into
 *       place. Two slots compiling the same code both compile; the first rename wins, the other
 *       drops its copy.
 *   <li>Every use hashes the files again: a truncated, altered or half-deleted entry is dropped and
 *       the program compiled again, never run.
 *   <li>Only successful compiles are kept: a compile error may be the machine's (a time limit on a
 *       busy node), and it costs nothing to run again.
 *   <li>Above {@code maxBytes}, the least recently used entries go.
 * </ul>
 */
public final class CompileCache {
  private static final Logger LOG = Logger.getLogger(CompileCache.class);
  private static final String MANIFEST = "manifest";
  private static final String MAGIC = "judgefleet-compile-cache 1";
  private static final String FILES = "files";
  private static final String OUTPUT = "compiler-output";
  private static final String STAGING = ".staging";

  /** A cached compile: the files to put into /box, and what the compiler said. */
  public record Entry(List<WorkFile> files, String compilerOutput) {
    public Entry {
      files = List.copyOf(files);
    }

    long bytes() {
      return files.stream().mapToLong(f -> f.content().length).sum()
          + compilerOutput.getBytes(StandardCharsets.UTF_8).length;
    }
  }

  private final Path dir;
  private final long maxBytes;
  // Access order: the first entry is the least recently used.
  private final LinkedHashMap<String, Long> entries = new LinkedHashMap<>(16, 0.75f, true);
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong corrupt = new AtomicLong();
  private long bytes;

  /**
   * Opens (or creates) the cache in {@code dir}, taking over the entries a previous run left, the
   * least recently used first.
   */
  public CompileCache(Path dir, long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("the compile cache's size cap is negative: " + maxBytes);
    }
    this.dir = dir;
    this.maxBytes = maxBytes;
    try {
      Files.createDirectories(dir);
      deleteTree(dir.resolve(STAGING));
      Files.createDirectories(dir.resolve(STAGING));
      record Found(String name, long bytes, FileTime used) {}
      List<Found> found = new ArrayList<>();
      try (Stream<Path> list = Files.list(dir)) {
        for (Path p : (Iterable<Path>) list::iterator) {
          String name = p.getFileName().toString();
          if (name.matches("[0-9a-f]{64}") && Files.isRegularFile(p.resolve(MANIFEST))) {
            found.add(
                new Found(name, treeBytes(p), Files.getLastModifiedTime(p.resolve(MANIFEST))));
          }
        }
      }
      found.sort(Comparator.comparing(Found::used));
      synchronized (this) {
        for (Found f : found) {
          entries.put(f.name(), f.bytes());
          bytes += f.bytes();
        }
        evict();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("opening the compile cache in " + dir, e);
    }
  }

  /**
   * The entry for {@code key}, verified; empty when there is none, or when it failed verification
   * (it is dropped then, and the caller compiles again).
   */
  public Optional<Entry> get(CompileCacheKey key) {
    synchronized (this) {
      if (entries.get(key.hex()) == null) {
        misses.incrementAndGet();
        return Optional.empty();
      }
    }
    Path entry = dir.resolve(key.hex());
    try {
      Entry read = read(entry);
      Files.setLastModifiedTime(
          entry.resolve(MANIFEST), FileTime.fromMillis(System.currentTimeMillis()));
      hits.incrementAndGet();
      return Optional.of(read);
    } catch (IOException | RuntimeException e) {
      LOG.warnf(
          "compile cache entry %s failed verification, compiling again: %s",
          key.hex(), e.getMessage());
      corrupt.incrementAndGet();
      misses.incrementAndGet();
      synchronized (this) {
        drop(key.hex());
      }
      return Optional.empty();
    }
  }

  /**
   * Keeps what a successful compile produced; a failed compile is not kept. Never throws: a cache
   * that cannot be written costs a compile, not a verdict.
   */
  public void put(CompileCacheKey key, RunResult compile, Entry entry) {
    if (compile == null || compile.status() != RunStatus.OK) {
      return;
    }
    long size = entry.bytes();
    if (size > maxBytes) {
      return;
    }
    Path staging = dir.resolve(STAGING).resolve(key.hex() + "." + UUID.randomUUID());
    try {
      write(staging, entry);
      synchronized (this) {
        if (entries.containsKey(key.hex())) {
          // Another slot compiled the same code first; its entry is as good as this one.
          deleteTree(staging);
          return;
        }
        try {
          Files.move(staging, dir.resolve(key.hex()), StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
          deleteTree(staging);
          return;
        }
        entries.put(key.hex(), size);
        bytes += size;
        evict();
      }
    } catch (IOException e) {
      LOG.warnf("could not keep a compiled program in %s: %s", dir, e.getMessage());
      try {
        deleteTree(staging);
      } catch (IOException ignored) {
        // Cleared at the next start.
      }
    }
  }

  public long hits() {
    return hits.get();
  }

  public long misses() {
    return misses.get();
  }

  /** Entries that failed verification and were dropped. */
  public long corrupt() {
    return corrupt.get();
  }

  public synchronized long bytes() {
    return bytes;
  }

  public synchronized int entries() {
    return entries.size();
  }

  public Path dir() {
    return dir;
  }

  private void evict() {
    Iterator<Map.Entry<String, Long>> oldest = entries.entrySet().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      Map.Entry<String, Long> e = oldest.next();
      oldest.remove();
      bytes -= e.getValue();
      remove(e.getKey());
    }
  }

  private void drop(String hex) {
    Long size = entries.remove(hex);
    if (size != null) {
      bytes -= size;
    }
    remove(hex);
  }

  /** Takes an entry out of sight at once (a rename), then deletes it. */
  private void remove(String hex) {
    Path gone = dir.resolve(STAGING).resolve(hex + ".gone." + UUID.randomUUID());
    try {
      Files.move(dir.resolve(hex), gone, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(gone);
    } catch (IOException e) {
      LOG.warnf("could not remove compile cache entry %s: %s", hex, e.getMessage());
    }
  }

  private static void write(Path staging, Entry entry) throws IOException {
    Files.createDirectories(staging.resolve(FILES));
    StringBuilder manifest = new StringBuilder(MAGIC).append('\n');
    for (WorkFile f : entry.files()) {
      String path = checkedPath(f.path());
      byte[] content = f.content();
      Path target = staging.resolve(FILES).resolve(path);
      Files.createDirectories(target.getParent());
      Files.write(target, content);
      manifest
          .append("F\t")
          .append(sha256(content))
          .append('\t')
          .append(Integer.toOctalString(f.mode() & 07777))
          .append('\t')
          .append(content.length)
          .append('\t')
          .append(path)
          .append('\n');
    }
    byte[] output = entry.compilerOutput().getBytes(StandardCharsets.UTF_8);
    Files.write(staging.resolve(OUTPUT), output);
    manifest.append("O\t").append(sha256(output)).append('\t').append(output.length).append('\n');
    // The manifest last: an entry with one is complete.
    Files.writeString(staging.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
  }

  private static Entry read(Path entry) throws IOException {
    List<String> lines = Files.readAllLines(entry.resolve(MANIFEST), StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
      throw new IOException("not a compile cache manifest");
    }
    List<WorkFile> files = new ArrayList<>();
    String output = null;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      if (f[0].equals("F") && f.length == 5) {
        String path = checkedPath(f[4]);
        byte[] content = verified(entry.resolve(FILES).resolve(path), f[1], Long.parseLong(f[3]));
        files.add(new WorkFile(path, content, Integer.parseInt(f[2], 8)));
      } else if (f[0].equals("O") && f.length == 3) {
        output =
            new String(
                verified(entry.resolve(OUTPUT), f[1], Long.parseLong(f[2])),
                StandardCharsets.UTF_8);
      } else {
        throw new IOException("a malformed manifest line: " + line);
      }
    }
    if (output == null) {
      throw new IOException("the manifest names no compiler output");
    }
    return new Entry(files, output);
  }

  private static byte[] verified(Path file, String sha, long size) throws IOException {
    if (Files.isSymbolicLink(file) || Files.size(file) != size) {
      throw new IOException(file + " is not the " + size + " bytes the manifest says");
    }
    byte[] content = Files.readAllBytes(file);
    if (content.length != size || !sha256(content).equals(sha)) {
      throw new IOException(file + " does not match its SHA-256 in the manifest");
    }
    return content;
  }

  /** A relative path of plain names: what a manifest may name, nothing outside the entry. */
  private static String checkedPath(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.contains("\t") || path.contains("\n")) {
      throw new IllegalArgumentException("not a work directory path: '" + path + "'");
    }
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException("not a work directory path: '" + path + "'");
      }
    }
    return path;
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(CompileCacheKey.sha256().digest(bytes));
  }

  private static long treeBytes(Path p) throws IOException {
    try (Stream<Path> walk = Files.walk(p)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().equals(MANIFEST))
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
