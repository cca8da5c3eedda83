package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.problem.ProblemHandle;
import dev.judgefleet.worker.problem.store.FetchPolicy;
import dev.judgefleet.worker.problem.store.ObjectStore;
import dev.judgefleet.worker.problem.store.PackageCache;
import dev.judgefleet.worker.problem.store.ProblemAnnouncement;
import dev.judgefleet.worker.problem.store.ProblemPublisher;
import dev.judgefleet.worker.problem.store.StoreSettings;
import dev.judgefleet.worker.problem.store.StoredProblems;
import dev.judgefleet.worker.problem.store.UnpackLimits;
import dev.judgefleet.worker.problem.store.VersionRef;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code judge problems bench}: what the store costs a node. First use of a version (download,
 * verify, unpack, rename into the cache) of a large package and of a package of many small files,
 * each next to {@code cp -r} of the same files measured in the same run; and the cost a cache hit
 * adds to a submission (finding the version and leasing it), next to nothing at all.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the problem store's first use and cache hits.",
      "Measures against the configured store (bin/judge up's by default): the first use (fetch, verify, unpack) of a SIZE package and of a FILES-file package, each next to `cp -r` of the same files in the same run, and the cost of a cache hit per submission. Packages go under the key prefix bench/ of the bucket."
    })
public final class ProblemsBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Inject WorkerConfig config;

  @Option(
      names = "--size",
      defaultValue = "100m",
      description = "the large package's size (default: 100m)")
  String size;

  @Option(
      names = "--files",
      defaultValue = "10000",
      description = "the small files' count (default: 10000)")
  int files;

  @Option(
      names = "--repeat",
      defaultValue = "3",
      description = "first uses (and copies) each (default: 3)")
  int repeat;

  @Option(
      names = "--hits",
      defaultValue = "100000",
      description = "cache hits to time (default: 100000)")
  int hits;

  @Option(names = "--work", description = "a directory for the packages (default: the temp dir)")
  Path work;

  @Option(names = "--json", description = "print the figures as JSON")
  boolean json;

  private record Figures(
      String name,
      int files,
      long bytes,
      double pushMs,
      double[] fetchMs,
      double loadMs,
      double[] copyMs) {}

  @Override
  public Integer call() throws Exception {
    long bytes = Units.bytes(spec, "--size", size);
    StoreSettings base = config.problems().store().settings();
    StoreSettings settings =
        new StoreSettings(
            base.endpoint(),
            base.bucket(),
            base.region(),
            base.pathStyle(),
            base.prefix() + "bench/",
            base.accessKey(),
            base.secretKey(),
            base.caFile(),
            base.connectTimeout(),
            base.readTimeout());
    Path dir =
        Files.createTempDirectory(
            work != null ? work : Path.of(System.getProperty("java.io.tmpdir")),
            "judgefleet-bench-");
    UnpackLimits limits = config.problems().cache().unpackLimits();
    FetchPolicy policy = config.problems().store().fetchPolicy();
    List<Figures> figures = new ArrayList<>();
    Map<String, Object> hit;
    try (ObjectStore store = ObjectStore.connect(settings)) {
      ProblemPublisher publisher = new ProblemPublisher(store, limits, Clock.systemUTC());
      Path sources = Files.createDirectories(dir.resolve("src"));
      System.err.println("bench: writing the packages under " + sources + " ...");
      Path large = largePackage(sources.resolve("bench-large"), bytes);
      Path many = manyFilesPackage(sources.resolve("bench-files"), files);
      ProblemPublisher.Pushed last = null;
      for (Path pkg : List.of(large, many)) {
        String name = pkg.getFileName().toString();
        System.err.println("bench: " + name + ": push, then " + repeat + " first uses and copies");
        long t0 = System.nanoTime();
        ProblemPublisher.Pushed pushed = publisher.push(pkg, ProblemsCommand.whoAmI());
        double pushMs = ms(System.nanoTime() - t0);
        double[] fetch = new double[repeat];
        double[] copy = new double[repeat];
        double loadMs = 0;
        VersionRef ref = VersionRef.of(pushed.problemId(), pushed.version());
        for (int r = 0; r < repeat; r++) {
          Path cacheDir = dir.resolve("cache-" + r);
          PackageCache cache = new PackageCache(cacheDir, Long.MAX_VALUE, limits, store, policy);
          long start = System.nanoTime();
          try (PackageCache.Lease lease = cache.acquire(ref)) {
            fetch[r] = ms(System.nanoTime() - start);
            long loadStart = System.nanoTime();
            lease.entry().load();
            loadMs = ms(System.nanoTime() - loadStart);
          }
          PackageCache.deleteTree(cacheDir);
          Path copied = dir.resolve("copy-" + r);
          start = System.nanoTime();
          Process cp =
              new ProcessBuilder("cp", "-r", pkg.toString(), copied.toString()).inheritIO().start();
          if (cp.waitFor() != 0) {
            throw new IOException("cp -r " + pkg + " " + copied + " failed");
          }
          copy[r] = ms(System.nanoTime() - start);
          PackageCache.deleteTree(copied);
        }
        figures.add(
            new Figures(
                name,
                pushed.version().files(),
                pushed.version().unpackedBytes(),
                pushMs,
                fetch,
                loadMs,
                copy));
        last = pushed;
      }
      hit = cacheHits(store, policy, limits, dir.resolve("cache-hits"), last);
    } finally {
      PackageCache.deleteTree(dir);
    }
    print(figures, hit);
    return 0;
  }

  /** Opens and closes a cached, announced version {@code hits} times, as each submission does. */
  private Map<String, Object> cacheHits(
      ObjectStore store,
      FetchPolicy policy,
      UnpackLimits limits,
      Path cacheDir,
      ProblemPublisher.Pushed pushed) {
    PackageCache cache = new PackageCache(cacheDir, Long.MAX_VALUE, limits, store, policy);
    StoredProblems problems = new StoredProblems(store, cache, policy, Duration.ofMinutes(1));
    problems.announced(ProblemAnnouncement.of(pushed.problemId(), pushed.version()));
    String id = pushed.problemId();
    Optional<String> none = Optional.empty();
    problems.open(id, none).orElseThrow().close();
    Histogram hit = new Histogram(3);
    Histogram baseline = new Histogram(3);
    for (int i = 0; i < hits + 10_000; i++) {
      long start = System.nanoTime();
      try (ProblemHandle handle = problems.open(id, none).orElseThrow()) {
        handle.problem();
      }
      long took = System.nanoTime() - start;
      long empty = System.nanoTime();
      long nothing = System.nanoTime() - empty;
      if (i >= 10_000) {
        hit.recordValue(took);
        baseline.recordValue(nothing);
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("hits", hits);
    m.put("hitUsP50", hit.getValueAtPercentile(50) / 1e3);
    m.put("hitUsP99", hit.getValueAtPercentile(99) / 1e3);
    m.put("hitUsMax", hit.getMaxValue() / 1e3);
    m.put("hitUsMean", hit.getMean() / 1e3);
    m.put("clockReadUsP50", baseline.getValueAtPercentile(50) / 1e3);
    return m;
  }

  private void print(List<Figures> figures, Map<String, Object> hit) throws IOException {
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Figures f : figures) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("package", f.name());
        m.put("files", f.files());
        m.put("bytes", f.bytes());
        m.put("pushMs", f.pushMs());
        m.put("firstUseMs", f.fetchMs());
        m.put("firstUseMsMedian", median(f.fetchMs()));
        m.put("loadMs", f.loadMs());
        m.put("cpMs", f.copyMs());
        m.put("cpMsMedian", median(f.copyMs()));
        rows.add(m);
      }
      JsonOutput.print(Map.of("packages", rows, "cacheHit", hit));
      return;
    }
    System.out.printf(
        "%-12s %8s %10s %10s %14s %10s %8s %10s%n",
        "package", "files", "size", "push", "first use", "cp -r", "ratio", "load");
    for (Figures f : figures) {
      double fetch = median(f.fetchMs());
      double copy = median(f.copyMs());
      System.out.printf(
          Locale.ROOT,
          "%-12s %8d %10s %8.0fms %12.0fms %8.0fms %7.2fx %8.0fms%n",
          f.name(),
          f.files(),
          Units.humanBytes(f.bytes()),
          f.pushMs(),
          fetch,
          copy,
          fetch / copy,
          f.loadMs());
    }
    System.out.printf(
        Locale.ROOT,
        "first use = download + gunzip + verify + unpack + rename into the cache (median of %d);"
            + " cp -r of the same files, same run; load = the loader on the cached files (once per"
            + " version)%n",
        repeat);
    System.out.printf(
        Locale.ROOT,
        "cache hit per submission (find the version, lease it, the loaded package): p50 %.2f us,"
            + " p99 %.2f us, mean %.2f us, max %.1f us over %d; reading the clock alone: %.3f us%n",
        hit.get("hitUsP50"),
        hit.get("hitUsP99"),
        hit.get("hitUsMean"),
        hit.get("hitUsMax"),
        hits,
        hit.get("clockReadUsP50"));
  }

  /** problem.yaml and twenty tests whose inputs hold {@code bytes} of numbers together. */
  private static Path largePackage(Path dir, long bytes) throws IOException {
    Files.createDirectories(dir.resolve("data/secret"));
    Files.writeString(dir.resolve("problem.yaml"), "name: Bench large\n");
    SplittableRandom random = new SplittableRandom(1);
    int tests = 20;
    for (int t = 1; t <= tests; t++) {
      String name = String.format(Locale.ROOT, "data/secret/%02d", t);
      try (OutputStream out =
          new BufferedOutputStream(Files.newOutputStream(dir.resolve(name + ".in")), 1 << 16)) {
        long written = 0;
        StringBuilder line = new StringBuilder();
        while (written < bytes / tests) {
          line.setLength(0);
          for (int i = 0; i < 8; i++) {
            line.append(random.nextInt(1_000_000_000)).append(i == 7 ? '\n' : ' ');
          }
          byte[] b = line.toString().getBytes(StandardCharsets.US_ASCII);
          out.write(b);
          written += b.length;
        }
      }
      Files.writeString(dir.resolve(name + ".ans"), random.nextInt() + "\n");
    }
    return dir;
  }

  /** problem.yaml and {@code files / 2} small tests. */
  private static Path manyFilesPackage(Path dir, int files) throws IOException {
    Files.createDirectories(dir.resolve("data/secret"));
    Files.writeString(dir.resolve("problem.yaml"), "name: Bench files\n");
    SplittableRandom random = new SplittableRandom(2);
    for (int t = 1; t <= Math.max(1, files / 2); t++) {
      String name = String.format(Locale.ROOT, "data/secret/%05d", t);
      int a = random.nextInt(1_000_000);
      int b = random.nextInt(1_000_000);
      Files.writeString(dir.resolve(name + ".in"), a + " " + b + "\n");
      Files.writeString(dir.resolve(name + ".ans"), (a + b) + "\n");
    }
    return dir;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
