package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.problem.store.ObjectStore;
import dev.judgefleet.worker.problem.store.ProblemIndex;
import dev.judgefleet.worker.problem.store.StoreException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code judge problems show ID}. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Show a problem's versions in the store.",
      "Every push, oldest first, with its digest, content version, files, sizes, who pushed it and when; * marks the current one.",
      "Exit status: 0, or 1 when the store has no such problem."
    })
public final class ProblemsShowCommand implements Callable<Integer> {
  @Inject WorkerConfig config;

  @Option(names = "--json", description = "print the problem's index as JSON")
  boolean json;

  @Parameters(paramLabel = "ID", description = "the problem id")
  String id;

  @Override
  public Integer call() throws IOException {
    try {
      return run();
    } catch (StoreException e) {
      System.err.println("problems: " + e.getMessage());
      return 1;
    }
  }

  private int run() throws IOException {
    try (ObjectStore store = ProblemsCommand.connect(config)) {
      Optional<ProblemIndex> index = ProblemsCommand.publisher(config, store).index(id);
      if (index.isEmpty()) {
        System.err.println("show: no problem '" + id + "' in " + store.settings().describe());
        return 1;
      }
      if (json) {
        JsonOutput.print(index.get());
        return 0;
      }
      System.out.printf(
          "%-1s %-71s %-16s %9s %10s %10s  %-20s  %s%n",
          "", "version", "content", "files", "size", "archive", "pushed at", "by");
      for (ProblemIndex.Version v : index.get().versions()) {
        System.out.printf(
            "%-1s %-71s %-16s %9d %10s %10s  %-20s  %s%n",
            v.digest().equals(index.get().current()) ? "*" : "",
            v.digest(),
            v.contentVersion(),
            v.files(),
            Units.humanBytes(v.unpackedBytes()),
            Units.humanBytes(v.archiveBytes()),
            v.pushedAt(),
            v.pushedBy());
      }
    }
    return 0;
  }
}
