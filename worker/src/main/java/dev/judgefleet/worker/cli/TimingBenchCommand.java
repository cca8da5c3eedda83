package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.judge.CompiledProgram;
import dev.judgefleet.worker.judge.ProgramBuilder;
import dev.judgefleet.worker.judge.SourceBundle;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.sandbox.CpuPinning;
import dev.judgefleet.worker.sandbox.EngineSettings;
import dev.judgefleet.worker.sandbox.RunLimits;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunSpec;
import dev.judgefleet.worker.sandbox.RunStatus;
import dev.judgefleet.worker.sandbox.Sandbox;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code judge bench timing}: can a verdict's CPU time be trusted? One fixed CPU-bound C program
 * (about 0.5 s) measured on slot 0 while the node is idle and while every other slot runs the same
 * program, in alternating blocks so that drift on the machine falls on both alike; prints each
 * side's coefficient of variation and the busy mean's shift from the idle one.
 */
@Command(
    name = "timing",
    mixinStandardHelpOptions = true,
    description = {
      "Measure CPU-time stability: idle against every slot busy.",
      "Compiles a fixed CPU-bound C program, calibrates it to about --target-ms of CPU, and runs it --runs times on slot 0 with the other slots idle and --runs times with every other slot running the same program, in alternating blocks of 10. Prints the mean, standard deviation, coefficient of variation (CV) and range of each, and the busy mean's shift from the idle mean. Slots are pinned to CPUs of their own as the worker pins them (--pin-cpus auto) when they fit the CPUs."
    })
public final class TimingBenchCommand implements Callable<Integer> {
  private static final int BLOCK = 10;
  private static final String PROGRAM =
      """
      /* judge bench timing: a fixed amount of integer work, N steps of a 64-bit LCG. */
      #include <stdio.h>
      int main(void) {
        unsigned long long n, x = 1;
        if (scanf("%llu", &n) != 1) return 2;
        for (unsigned long long i = 0; i < n; i++) x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        printf("%llu\\n", x);
        return 0;
      }
      """;

  @Inject WorkerConfig config;

  @Spec CommandSpec spec;

  @Option(
      names = "--runs",
      defaultValue = "50",
      description = "measured runs idle, and as many busy (default: 50)")
  int runs;

  @Option(
      names = "--target-ms",
      defaultValue = "500",
      description = "CPU time of one run to calibrate to (default: 500)")
  int targetMs;

  @Option(names = "--slots", description = "slots (default: the worker's, one per CPU)")
  Integer slots;

  @Option(
      names = "--pin-cpus",
      defaultValue = "auto",
      description =
          "auto: each slot on a CPU of its own when they fit, as the worker; off: floating")
  String pinCpus;

  @Option(names = "--json", description = "print the figures as JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    int slotCount = slots != null ? slots : config.worker().slots();
    if (runs < 2 || runs % BLOCK != 0) {
      throw new ParameterException(spec.commandLine(), "--runs must be a multiple of " + BLOCK);
    }
    if (targetMs < 50) {
      throw new ParameterException(spec.commandLine(), "--target-ms must be at least 50");
    }
    if (!pinCpus.equals("auto") && !pinCpus.equals("off")) {
      throw new ParameterException(spec.commandLine(), "--pin-cpus must be auto or off");
    }
    Language c = LanguageArgument.installed(spec, config.catalog(), "c", null);
    PrintStream progress = System.err;
    EngineSettings settings = config.sandbox().engineSettings().withPinning(pinCpus, slotCount);
    CpuPinning pinning = new CpuPinning(pinCpus, slotCount, CpuPinning.allowedHere());
    Path input = Files.createTempFile("judge-timing", ".in");
    List<Sandbox> boxes = new ArrayList<>();
    try (SandboxEngine engine = SandboxEngine.start(settings)) {
      List<RunSpec> specs = new ArrayList<>();
      progress.println("compiling the program in " + slotCount + " slot(s) ...");
      for (int slot = 0; slot < slotCount; slot++) {
        Sandbox box = engine.open(ProgramBuilder.sandboxFor(c, slot));
        boxes.add(box);
        CompiledProgram program =
            ProgramBuilder.build(
                box,
                c,
                SourceBundle.of(PROGRAM.getBytes(StandardCharsets.UTF_8)),
                ProgramBuilder.COMPILE_LIMITS);
        if (!program.ok()) {
          throw new IllegalStateException(
              "the timing program did not compile: " + program.compilerOutput());
        }
        specs.add(
            program
                .runSpec(RunLimits.forCpu(Duration.ofMillis(targetMs * 10L)), false)
                .withStdin(input));
      }
      long iterations = calibrate(boxes.get(0), specs.get(0), input);
      progress.printf(
          Locale.ROOT, "calibrated: %,d steps for about %d ms of CPU%n", iterations, targetMs);
      List<Double> idle = new ArrayList<>();
      List<Double> busy = new ArrayList<>();
      for (int block = 0; block < runs / BLOCK; block++) {
        progress.printf(
            Locale.ROOT,
            "block %d/%d: %d idle, %d busy ...%n",
            block + 1,
            runs / BLOCK,
            BLOCK,
            BLOCK);
        idle.addAll(measure(boxes.get(0), specs.get(0), BLOCK));
        busy.addAll(whileBusy(boxes, specs, BLOCK));
      }
      TimingStats idleStats = TimingStats.of(idle);
      TimingStats busyStats = TimingStats.of(busy);
      print(slotCount, pinning, iterations, idleStats, busyStats);
    } finally {
      for (Sandbox box : boxes) {
        box.close();
      }
      Files.deleteIfExists(input);
    }
    return 0;
  }

  /** Steps for about targetMs of CPU: three runs of a first guess, scaled by their median. */
  private long calibrate(Sandbox box, RunSpec run, Path input) throws IOException {
    long guess = 100_000_000L;
    Files.writeString(input, guess + "\n");
    List<Double> ms = measure(box, run, 3);
    ms.sort(Double::compare);
    long steps = Math.max(1, (long) (guess * targetMs / ms.get(1)));
    Files.writeString(input, steps + "\n");
    return steps;
  }

  private static List<Double> measure(Sandbox box, RunSpec run, int count) {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RunResult r = box.run(run);
      if (r.status() != RunStatus.OK) {
        throw new IllegalStateException("the timing program failed: " + r.summary());
      }
      ms.add(r.cpu().toNanos() / 1e6);
    }
    return ms;
  }

  /** Slot 0's runs while every other slot runs the same program without pause. */
  private static List<Double> whileBusy(List<Sandbox> boxes, List<RunSpec> specs, int count)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    List<Thread> loaders = new ArrayList<>();
    for (int slot = 1; slot < boxes.size(); slot++) {
      Sandbox box = boxes.get(slot);
      RunSpec run = specs.get(slot);
      Thread t =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    measure(box, run, 1);
                  }
                } catch (RuntimeException e) {
                  failure.compareAndSet(null, e);
                }
              },
              "timing-load-" + slot);
      t.start();
      loaders.add(t);
    }
    try {
      // The loaders' first runs start before the measured ones.
      Thread.sleep(100);
      return measure(boxes.get(0), specs.get(0), count);
    } finally {
      stop.set(true);
      for (Thread t : loaders) {
        t.join();
      }
      if (failure.get() != null) {
        throw failure.get();
      }
    }
  }

  private void print(
      int slotCount, CpuPinning pinning, long steps, TimingStats idle, TimingStats busy)
      throws IOException {
    String pinned =
        pinning.cpuFor(0).isPresent()
            ? "slot 0 on CPU " + pinning.cpuFor(0).getAsInt() + ", each slot on its own CPU"
            : "not pinned ("
                + pinCpus
                + ", "
                + slotCount
                + " slot(s) on "
                + CpuPinning.allowedHere().size()
                + " CPU(s))";
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("slots", slotCount);
      report.put("pinning", pinned);
      report.put("steps", steps);
      report.put("idle", stats(idle));
      report.put("busy", stats(busy));
      report.put("meanShiftPercent", round(idle.shiftPercent(busy)));
      JsonOutput.print(report);
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "CPU time of one fixed program (%,d LCG steps), slot 0 of %d; %s%n",
        steps,
        slotCount,
        pinned);
    System.out.printf(
        Locale.ROOT,
        "%-28s %6s %10s %9s %8s %10s %10s%n",
        "",
        "runs",
        "mean ms",
        "sd ms",
        "CV",
        "min ms",
        "max ms");
    row("idle (other slots idle)", idle);
    row("busy (every slot running)", busy);
    System.out.printf(
        Locale.ROOT, "%-28s %+.2f %%%n", "mean shift, busy vs idle", idle.shiftPercent(busy));
    if (slotCount < 2) {
      System.out.println("(one slot: nothing else ran, busy is a second idle sample)");
    }
  }

  private static void row(String label, TimingStats s) {
    System.out.printf(
        Locale.ROOT,
        "%-28s %6d %10.1f %9.2f %7.2f%% %10.1f %10.1f%n",
        label,
        s.runs(),
        s.meanMs(),
        s.sdMs(),
        s.cvPercent(),
        s.minMs(),
        s.maxMs());
  }

  private static Map<String, Object> stats(TimingStats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runs", s.runs());
    m.put("meanMs", round(s.meanMs()));
    m.put("sdMs", round(s.sdMs()));
    m.put("cvPercent", round(s.cvPercent()));
    m.put("minMs", round(s.minMs()));
    m.put("maxMs", round(s.maxMs()));
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
