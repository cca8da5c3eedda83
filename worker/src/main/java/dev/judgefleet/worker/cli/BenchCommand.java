package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.rootfs.RootfsException;
import dev.judgefleet.worker.rootfs.RootfsStore;
import dev.judgefleet.worker.rootfs.StoredImage;
import dev.judgefleet.worker.sandbox.RunLimits;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunSpec;
import dev.judgefleet.worker.sandbox.RunStatus;
import dev.judgefleet.worker.sandbox.Sandbox;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import dev.judgefleet.worker.sandbox.SandboxSpec;
import dev.judgefleet.worker.sandbox.SpawnBaseline;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code judge bench}: the sandbox's overhead and throughput, each next to a baseline measured in
 * the same run: a plain posix_spawn(3) of the same program from the same process.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = {TimingBenchCommand.class},
    description = {
      "Measure the sandbox's overhead next to a plain posix_spawn.",
      "Figures: the per-run cost of /bin/true in a prepared sandbox, the cost of a fresh sandbox, and runs per second with 1 and N slots, each next to a plain posix_spawn of /bin/true measured in the same run. With --language or --rootfs, also the per-run cost and a fresh sandbox's in that root filesystem image next to the host's binds, measured alternately in the same run. --json prints them as one object (its fields are in the README)."
    })
public final class BenchCommand implements Callable<Integer> {
  private static final String PROGRAM = "/bin/true";

  @Inject WorkerConfig config;

  @Spec CommandSpec spec;

  @Option(
      names = "--runs",
      defaultValue = "1000",
      description = "runs per latency figure (default: 1000)")
  int runs;

  @Option(
      names = "--sandboxes",
      defaultValue = "100",
      description = "fresh sandboxes to create (default: 100)")
  int sandboxes;

  @Option(
      names = "--seconds",
      defaultValue = "3",
      description = "seconds per throughput figure (default: 3)")
  double seconds;

  @Option(names = "--slots", description = "parallel slots (default: CPUs)")
  Integer slots;

  @Option(names = "--json", description = "print the figures as JSON")
  boolean json;

  @Option(
      names = "--language",
      description = "compare the image of this language with the host's binds")
  String language;

  @Option(
      names = "--rootfs",
      description =
          "compare this image (a name in the store, or a directory) with the host's binds")
  String rootfs;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  /** Latency figures of one kind of launch, in nanoseconds. */
  record Latency(Histogram wall, Histogram cpu) {
    Latency() {
      this(new Histogram(3), new Histogram(3));
    }

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("wallMsP50", Units.millis(wall.getValueAtPercentile(50)));
      m.put("wallMsP90", Units.millis(wall.getValueAtPercentile(90)));
      m.put("cpuMsP50", Units.millis(cpu.getValueAtPercentile(50)));
      m.put("cpuMsP90", Units.millis(cpu.getValueAtPercentile(90)));
      return m;
    }
  }

  @Override
  public Integer call() throws Exception {
    int parallel = slots != null ? slots : Runtime.getRuntime().availableProcessors();
    RunLimits limits = RunLimits.defaults();
    Map<String, Object> report = new LinkedHashMap<>();
    PrintStream progress = System.err;
    try (SandboxEngine engine = SandboxEngine.start(config.sandbox().engineSettings())) {
      report.put("cpus", Runtime.getRuntime().availableProcessors());
      report.put("cgroup", engine.cgroupVersion());
      report.put("program", PROGRAM);

      progress.println("warming up ...");
      try (Sandbox box = engine.open(SandboxSpec.forSlot(0))) {
        runLatency(box, limits, Math.max(100, runs / 5));
      }
      spawnLatency(Math.max(100, runs / 5));

      progress.println("per-run latency: " + runs + " runs of " + PROGRAM + " ...");
      Latency sandboxRun;
      long processCpuBefore = processCpuNanos();
      try (Sandbox box = engine.open(SandboxSpec.forSlot(0))) {
        sandboxRun = runLatency(box, limits, runs);
      }
      long processCpuPerRun = (processCpuNanos() - processCpuBefore) / runs;
      Latency spawn = spawnLatency(runs);

      progress.println("fresh sandboxes: " + sandboxes + " ...");
      Histogram open = new Histogram(3);
      Histogram close = new Histogram(3);
      for (int i = 0; i < sandboxes; i++) {
        long start = System.nanoTime();
        Sandbox box = engine.open(SandboxSpec.forSlot(0));
        long opened = System.nanoTime();
        box.close();
        open.recordValue(opened - start);
        close.recordValue(System.nanoTime() - opened);
      }

      Optional<ImageComparison> image = Optional.empty();
      Optional<ImageTarget> target;
      try {
        target = imageTarget();
      } catch (IllegalArgumentException | RootfsException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      if (target.isPresent()) {
        progress.println(
            "image "
                + target.get().label()
                + " against the host's binds: "
                + runs
                + " runs and "
                + sandboxes
                + " sandboxes each, alternately ...");
        image = Optional.of(compareImage(engine, limits, target.get().root()));
      }

      progress.println("CPU limit enforcement: 20 spinning runs with a 200 ms limit ...");
      Histogram overshoot = cpuLimitOvershoot(engine);

      progress.println("throughput: " + seconds + " s each, 1 and " + parallel + " slots ...");
      double sandboxOne = sandboxThroughput(engine, limits, 1);
      double sandboxN = sandboxThroughput(engine, limits, parallel);
      double spawnOne = spawnThroughput(1);
      double spawnN = spawnThroughput(parallel);

      report.put("runLatency", sandboxRun.json());
      report.put("runCpuMsMeanWholeWorker", Units.millis(processCpuPerRun));
      report.put("spawnLatency", spawn.json());
      Map<String, Object> fresh = new LinkedHashMap<>();
      fresh.put("openMsP50", Units.millis(open.getValueAtPercentile(50)));
      fresh.put("openMsP90", Units.millis(open.getValueAtPercentile(90)));
      fresh.put("closeMsP50", Units.millis(close.getValueAtPercentile(50)));
      report.put("newSandbox", fresh);
      Map<String, Object> enforcement = new LinkedHashMap<>();
      enforcement.put("cpuLimitMs", 200);
      enforcement.put("overshootMsP50", Units.millis(overshoot.getValueAtPercentile(50)));
      enforcement.put("overshootMsMax", Units.millis(overshoot.getMaxValue()));
      report.put("cpuLimitEnforcement", enforcement);
      Map<String, Object> throughput = new LinkedHashMap<>();
      throughput.put("slots", parallel);
      throughput.put("sandboxRunsPerSecond1", round(sandboxOne));
      throughput.put("sandboxRunsPerSecondN", round(sandboxN));
      throughput.put("spawnsPerSecond1", round(spawnOne));
      throughput.put("spawnsPerSecondN", round(spawnN));
      report.put("throughput", throughput);
      if (image.isPresent()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image", target.get().label());
        m.put("imageRunLatency", image.get().imageRun().json());
        m.put("hostRunLatency", image.get().hostRun().json());
        m.put("imageOpenMsP50", Units.millis(image.get().imageOpen().getValueAtPercentile(50)));
        m.put("hostOpenMsP50", Units.millis(image.get().hostOpen().getValueAtPercentile(50)));
        m.put("runWallRatioP50", round(image.get().wallRatio() * 1000) / 1000);
        report.put("rootfs", m);
      }

      if (json) {
        JsonOutput.print(report);
      } else {
        printTable(
            engine,
            sandboxRun,
            spawn,
            processCpuPerRun,
            open,
            close,
            parallel,
            sandboxOne,
            sandboxN,
            spawnOne,
            spawnN);
        System.out.printf(
            Locale.ROOT,
            "%-34s %9.3f ms p50, %.3f ms max (200 ms limit, a spinning program)%n",
            "CPU limit overshoot",
            overshoot.getValueAtPercentile(50) / 1e6,
            overshoot.getMaxValue() / 1e6);
        if (image.isPresent()) {
          printImage(System.out, target.get().label(), image.get());
        }
      }
    }
    return 0;
  }

  /** An image to compare with the host's binds, and how to name it. */
  record ImageTarget(String label, Path root) {}

  /** The image and the host's binds, measured alternately in the same run. */
  record ImageComparison(
      Latency imageRun, Latency hostRun, Histogram imageOpen, Histogram hostOpen) {
    double wallRatio() {
      long host = hostRun.wall().getValueAtPercentile(50);
      return host == 0 ? 0 : (double) imageRun.wall().getValueAtPercentile(50) / host;
    }
  }

  private Optional<ImageTarget> imageTarget() {
    if (language == null && rootfs == null) {
      return Optional.empty();
    }
    RootfsStore store = config.rootfsStore();
    String name = rootfs;
    if (language != null) {
      LanguageCatalog catalog = config.catalog();
      Language l =
          catalog
              .find(language)
              .orElseThrow(() -> new IllegalArgumentException("unknown language " + language));
      name = l.image();
    }
    Path dir = Path.of(name);
    if (rootfs != null && name.contains("/") && Files.isDirectory(dir)) {
      return Optional.of(new ImageTarget(dir.toString(), dir.toAbsolutePath()));
    }
    String image = name;
    StoredImage stored =
        store
            .image(image)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "image " + image + " is not in the store " + store.dir()));
    return Optional.of(
        new ImageTarget(image + " (" + stored.digest() + ")", stored.verifiedRoot()));
  }

  /**
   * The per-run cost and the cost of a fresh sandbox, in the image and with the host's binds, in
   * alternating blocks so that load on the machine falls on both alike.
   */
  private ImageComparison compareImage(SandboxEngine engine, RunLimits limits, Path root) {
    SandboxSpec imageSpec = SandboxSpec.inImage(0, root);
    SandboxSpec hostSpec = SandboxSpec.forSlot(0);
    Latency imageRun = new Latency();
    Latency hostRun = new Latency();
    try (Sandbox image = engine.open(imageSpec);
        Sandbox host = engine.open(hostSpec)) {
      runLatency(image, limits, Math.max(50, runs / 10));
      runLatency(host, limits, Math.max(50, runs / 10));
      int block = 50;
      for (int done = 0; done < runs; done += block) {
        int n = Math.min(block, runs - done);
        add(imageRun, runLatency(image, limits, n));
        add(hostRun, runLatency(host, limits, n));
      }
    }
    Histogram imageOpen = new Histogram(3);
    Histogram hostOpen = new Histogram(3);
    for (int i = 0; i < sandboxes; i++) {
      for (boolean inImage : new boolean[] {true, false}) {
        long start = System.nanoTime();
        Sandbox box = engine.open(inImage ? imageSpec : hostSpec);
        (inImage ? imageOpen : hostOpen).recordValue(System.nanoTime() - start);
        box.close();
      }
    }
    return new ImageComparison(imageRun, hostRun, imageOpen, hostOpen);
  }

  private static void add(Latency into, Latency from) {
    into.wall().add(from.wall());
    into.cpu().add(from.cpu());
  }

  private static void printImage(PrintStream out, String label, ImageComparison c) {
    out.printf(Locale.ROOT, "%nimage %s against the host's binds (alternating):%n", label);
    out.printf(Locale.ROOT, "%-34s %12s %12s %9s%n", "", "image", "host binds", "ratio");
    precise(
        out,
        "run in prepared sandbox, wall p50",
        c.imageRun().wall().getValueAtPercentile(50),
        c.hostRun().wall().getValueAtPercentile(50));
    precise(
        out,
        "run in prepared sandbox, wall p90",
        c.imageRun().wall().getValueAtPercentile(90),
        c.hostRun().wall().getValueAtPercentile(90));
    precise(
        out,
        "run in prepared sandbox, cpu p50",
        c.imageRun().cpu().getValueAtPercentile(50),
        c.hostRun().cpu().getValueAtPercentile(50));
    precise(
        out,
        "new sandbox (open), p50",
        c.imageOpen().getValueAtPercentile(50),
        c.hostOpen().getValueAtPercentile(50));
    precise(
        out,
        "new sandbox (open), p90",
        c.imageOpen().getValueAtPercentile(90),
        c.hostOpen().getValueAtPercentile(90));
  }

  private Latency runLatency(Sandbox box, RunLimits limits, int count) {
    Latency latency = new Latency();
    RunSpec spec = RunSpec.of(List.of(PROGRAM), limits);
    for (int i = 0; i < count; i++) {
      long threadCpu = threads.getCurrentThreadCpuTime();
      long initCpu = box.initCpuNanos();
      long start = System.nanoTime();
      RunResult result = box.run(spec);
      long wall = System.nanoTime() - start;
      if (result.status() != RunStatus.OK) {
        throw new IllegalStateException("benchmark run failed: " + result.summary());
      }
      long cpu =
          threads.getCurrentThreadCpuTime()
              - threadCpu
              + box.initCpuNanos()
              - initCpu
              + result.cpuUser().toNanos()
              + result.cpuSystem().toNanos();
      latency.wall().recordValue(wall);
      latency.cpu().recordValue(cpu);
    }
    return latency;
  }

  /** How far past a CPU limit a spinning program gets before the supervisor's kill lands. */
  private Histogram cpuLimitOvershoot(SandboxEngine engine) {
    Histogram overshoot = new Histogram(3);
    RunLimits limits = RunLimits.forCpu(java.time.Duration.ofMillis(200));
    RunSpec spin = RunSpec.of(List.of("/bin/sh", "-c", "while :; do :; done"), limits);
    try (Sandbox box = engine.open(SandboxSpec.forSlot(0))) {
      for (int i = 0; i < 20; i++) {
        RunResult r = box.run(spin);
        if (r.status() != RunStatus.TLE) {
          throw new IllegalStateException("a spinning program was not stopped: " + r.summary());
        }
        overshoot.recordValue(Math.max(0, r.cpu().minus(limits.cpuTime()).toNanos()));
      }
    }
    return overshoot;
  }

  private Latency spawnLatency(int count) {
    Latency latency = new Latency();
    for (int i = 0; i < count; i++) {
      long threadCpu = threads.getCurrentThreadCpuTime();
      SpawnBaseline.Cost cost = SpawnBaseline.spawnAndWait(PROGRAM);
      latency.wall().recordValue(cost.wallNanos());
      latency
          .cpu()
          .recordValue(threads.getCurrentThreadCpuTime() - threadCpu + cost.childCpuNanos());
    }
    return latency;
  }

  private double sandboxThroughput(SandboxEngine engine, RunLimits limits, int parallel)
      throws InterruptedException {
    List<Sandbox> boxes = new ArrayList<>();
    try {
      for (int slot = 0; slot < parallel; slot++) {
        boxes.add(engine.open(SandboxSpec.forSlot(slot)));
      }
      RunSpec spec = RunSpec.of(List.of(PROGRAM), limits);
      return measure(parallel, slot -> boxes.get(slot).run(spec));
    } finally {
      boxes.forEach(Sandbox::close);
    }
  }

  private double spawnThroughput(int parallel) throws InterruptedException {
    return measure(parallel, slot -> SpawnBaseline.spawnAndWait(PROGRAM));
  }

  private interface SlotWork {
    void once(int slot);
  }

  /** Runs {@code work} back to back on every slot for the configured time; returns runs/s. */
  private double measure(int parallel, SlotWork work) throws InterruptedException {
    AtomicLong done = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(parallel);
    long durationNanos = (long) (seconds * 1e9);
    long[] began = new long[1];
    List<Thread> workers = new ArrayList<>();
    for (int slot = 0; slot < parallel; slot++) {
      int s = slot;
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                  long end = began[0] + durationNanos;
                  while (System.nanoTime() < end) {
                    work.once(s);
                    done.incrementAndGet();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  finished.countDown();
                }
              },
              "bench-slot-" + slot);
      workers.add(t);
      t.start();
    }
    began[0] = System.nanoTime();
    start.countDown();
    finished.await();
    double elapsed = (System.nanoTime() - began[0]) / 1e9;
    return done.get() / elapsed;
  }

  private void printTable(
      SandboxEngine engine,
      Latency run,
      Latency spawn,
      long cpuPerRun,
      Histogram open,
      Histogram close,
      int parallel,
      double sandboxOne,
      double sandboxN,
      double spawnOne,
      double spawnN) {
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "judge bench: %d CPUs, cgroup %s, program %s%n",
        Runtime.getRuntime().availableProcessors(),
        engine.cgroupVersion(),
        PROGRAM);
    out.printf(Locale.ROOT, "%-34s %12s %12s %9s%n", "", "sandbox", "posix_spawn", "ratio");
    row(
        out,
        "run in prepared sandbox, wall p50",
        run.wall().getValueAtPercentile(50),
        spawn.wall().getValueAtPercentile(50));
    row(
        out,
        "run in prepared sandbox, wall p90",
        run.wall().getValueAtPercentile(90),
        spawn.wall().getValueAtPercentile(90));
    row(
        out,
        "run in prepared sandbox, cpu p50",
        run.cpu().getValueAtPercentile(50),
        spawn.cpu().getValueAtPercentile(50));
    row(
        out,
        "run in prepared sandbox, cpu p90",
        run.cpu().getValueAtPercentile(90),
        spawn.cpu().getValueAtPercentile(90));
    out.printf(
        Locale.ROOT,
        "%-34s %9.3f ms   (whole worker: every thread, init and program)%n",
        "run cpu, mean",
        cpuPerRun / 1e6);
    row(
        out,
        "new sandbox (open), p50",
        open.getValueAtPercentile(50),
        spawn.wall().getValueAtPercentile(50));
    row(
        out,
        "new sandbox (open), p90",
        open.getValueAtPercentile(90),
        spawn.wall().getValueAtPercentile(90));
    out.printf(
        Locale.ROOT,
        "%-34s %9.3f ms%n",
        "sandbox close, p50",
        close.getValueAtPercentile(50) / 1e6);
    rate(out, "throughput, 1 slot", sandboxOne, spawnOne);
    rate(out, "throughput, " + parallel + " slots", sandboxN, spawnN);
  }

  private static void row(PrintStream out, String label, long sandbox, long baseline) {
    out.printf(
        Locale.ROOT,
        "%-34s %9.3f ms %9.3f ms %8.1fx%n",
        label,
        sandbox / 1e6,
        baseline / 1e6,
        baseline == 0 ? 0 : (double) sandbox / baseline);
  }

  /** A row whose ratio shows the two decimals a 10 % budget needs. */
  private static void precise(PrintStream out, String label, long image, long host) {
    out.printf(
        Locale.ROOT,
        "%-34s %9.3f ms %9.3f ms %8.2fx%n",
        label,
        image / 1e6,
        host / 1e6,
        host == 0 ? 0 : (double) image / host);
  }

  private static void rate(PrintStream out, String label, double sandbox, double baseline) {
    out.printf(
        Locale.ROOT,
        "%-34s %7.0f run/s %7.0f run/s %8.2fx%n",
        label,
        sandbox,
        baseline,
        baseline == 0 ? 0 : sandbox / baseline);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
