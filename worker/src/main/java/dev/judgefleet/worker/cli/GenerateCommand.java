package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.judge.DataGenerator;
import dev.judgefleet.worker.problem.GenerationPlan;
import dev.judgefleet.worker.problem.ProblemException;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code judge generate}: writes a BAPCtools package's test data from its {@code
 * generators/generators.yaml}, as {@code bt generate} does, every generator and solution run in the
 * sandbox.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a package's test data from its generators.yaml.",
      "Reads DIR/generators/generators.yaml (BAPCtools) and writes DIR/data/ as bt generate does: the generators and the reference solution are built and run in the sandbox.",
      "Exit status: 0 when every test case was written, 1 when one failed, 2 on a usage error."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Inject WorkerConfig config;

  @Parameters(index = "0", paramLabel = "DIR", description = "the problem package")
  Path dir;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    GenerationPlan plan;
    try {
      plan = GenerationPlan.read(dir);
    } catch (ProblemException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    plan.warnings().forEach(w -> err.println("generate: warning: " + w));
    long start = System.nanoTime();
    DataGenerator.Report report;
    try (SandboxEngine engine = SandboxEngine.start(config.sandbox().engineSettings());
        DataGenerator generator = new DataGenerator(engine, config.catalog(), 0)) {
      report = generator.generate(plan, out::println);
    }
    err.printf(
        Locale.ROOT,
        "generate: %s: %d test cases written to %s, %d failed; %.1f s%n",
        report.failures().isEmpty() ? "OK" : "FAILED",
        report.written().size(),
        plan.root().resolve("data"),
        report.failures().size(),
        (System.nanoTime() - start) / 1e9);
    return report.failures().isEmpty() ? 0 : 1;
  }
}
