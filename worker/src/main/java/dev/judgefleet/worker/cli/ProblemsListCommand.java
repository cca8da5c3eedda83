package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.problem.store.ObjectStore;
import dev.judgefleet.worker.problem.store.PackageDigest;
import dev.judgefleet.worker.problem.store.ProblemIndex;
import dev.judgefleet.worker.problem.store.ProblemPublisher;
import dev.judgefleet.worker.problem.store.StoreException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code judge problems list}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the problems in the store with their current version.")
public final class ProblemsListCommand implements Callable<Integer> {
  @Inject WorkerConfig config;

  @Option(names = "--json", description = "print the rows as JSON")
  boolean json;

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
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ObjectStore store = ProblemsCommand.connect(config)) {
      ProblemPublisher publisher = ProblemsCommand.publisher(config, store);
      List<String> ids = publisher.problems();
      if (!json) {
        System.out.printf(
            "%-16s %-13s %-16s %9s %10s %8s  %-20s  %s%n",
            "problem", "version", "content", "files", "size", "versions", "pushed at", "by");
      }
      for (String id : ids) {
        ProblemIndex index = publisher.index(id).orElse(null);
        if (index == null) {
          continue;
        }
        ProblemIndex.Version v = index.currentVersion();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("problem", id);
        row.put("digest", v.digest());
        row.put("contentVersion", v.contentVersion());
        row.put("files", v.files());
        row.put("unpackedBytes", v.unpackedBytes());
        row.put("archiveBytes", v.archiveBytes());
        row.put("pushes", index.versions().size());
        row.put("pushedAt", v.pushedAt());
        row.put("pushedBy", v.pushedBy());
        rows.add(row);
        if (!json) {
          System.out.printf(
              "%-16s %-13s %-16s %9d %10s %8d  %-20s  %s%n",
              id,
              PackageDigest.parse(v.digest()).shortHex(),
              v.contentVersion(),
              v.files(),
              Units.humanBytes(v.unpackedBytes()),
              index.versions().size(),
              v.pushedAt(),
              v.pushedBy());
        }
      }
    }
    if (json) {
      JsonOutput.print(rows);
    }
    return 0;
  }
}
