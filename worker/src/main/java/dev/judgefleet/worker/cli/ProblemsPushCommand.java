package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.messaging.ProblemAnnouncer;
import dev.judgefleet.worker.problem.ProblemException;
import dev.judgefleet.worker.problem.store.ArchiveException;
import dev.judgefleet.worker.problem.store.ObjectStore;
import dev.judgefleet.worker.problem.store.ProblemAnnouncement;
import dev.judgefleet.worker.problem.store.ProblemPublisher;
import dev.judgefleet.worker.problem.store.StoreException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code judge problems push DIR...}. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Check problem packages and publish them to the store.",
      "Checks each package the way `judge verify` loads it, and publishes it: its canonical archive (named by the SHA-256 of its content) to the store, the problem's index updated, and the new version announced on judge.problems, so every worker prefetches it. A broken package is refused with the loader's message. Pushing the current version again uploads nothing (it is announced again, which is harmless).",
      "Exit status: 0 when every package was published, 1 otherwise."
    })
public final class ProblemsPushCommand implements Callable<Integer> {
  @Inject WorkerConfig config;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String defaultBootstrap;

  @Option(names = "--by", description = "who pushes (default: user@host)")
  String by;

  @Option(
      names = "--bootstrap",
      description = "Kafka, for the announcement (default: KAFKA_BOOTSTRAP_SERVERS)")
  String bootstrap;

  @Option(names = "--no-announce", description = "store only; do not announce on judge.problems")
  boolean noAnnounce;

  @Option(
      names = "--create-bucket",
      description = "create the bucket if it does not exist (a new local store)")
  boolean createBucket;

  @Option(names = "--json", description = "print one object per package as JSON")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "problem package directories")
  List<Path> dirs;

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
    PrintStream err = System.err;
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean ok = true;
    String who = by != null ? by : ProblemsCommand.whoAmI();
    try (ObjectStore store = ProblemsCommand.connect(config);
        ProblemAnnouncer announcer =
            noAnnounce
                ? null
                : new ProblemAnnouncer(
                    bootstrap != null ? bootstrap : defaultBootstrap,
                    config.worker().topics().problems())) {
      if (createBucket) {
        store.createBucketIfMissing();
      }
      ProblemPublisher publisher = ProblemsCommand.publisher(config, store);
      for (Path dir : dirs) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dir", dir.toString());
        try {
          ProblemPublisher.Pushed pushed = publisher.push(dir, who);
          pushed.warnings().forEach(w -> err.println("push: " + pushed.problemId() + ": " + w));
          if (announcer != null) {
            announcer.announce(ProblemAnnouncement.of(pushed.problemId(), pushed.version()));
          }
          row.put("problem", pushed.problemId());
          row.put("status", pushed.changed() ? "pushed" : "unchanged");
          row.put("digest", pushed.version().digest());
          row.put("contentVersion", pushed.version().contentVersion());
          row.put("files", pushed.version().files());
          row.put("unpackedBytes", pushed.version().unpackedBytes());
          row.put("archiveBytes", pushed.version().archiveBytes());
          row.put("uploaded", pushed.uploaded());
          row.put("announced", announcer != null);
          if (!json) {
            System.out.printf(
                "%-16s %-9s %s  content %s  %d files, %s (archive %s)%s%n",
                pushed.problemId(),
                pushed.changed() ? "pushed" : "unchanged",
                pushed.version().digest(),
                pushed.version().contentVersion(),
                pushed.version().files(),
                Units.humanBytes(pushed.version().unpackedBytes()),
                Units.humanBytes(pushed.version().archiveBytes()),
                pushed.changed() && !pushed.uploaded() ? "; the store had this content" : "");
          }
        } catch (ProblemException | ArchiveException e) {
          ok = false;
          row.put("status", "refused");
          row.put("error", e.getMessage());
          err.println("push: refused " + dir + ": " + e.getMessage());
        } catch (StoreException | IllegalStateException e) {
          ok = false;
          row.put("status", "failed");
          row.put("error", e.getMessage());
          err.println("push: " + dir + ": " + e.getMessage());
        }
        rows.add(row);
      }
      if (announcer != null && !json && ok) {
        err.println("push: announced on " + announcer.where());
      }
    }
    if (json) {
      JsonOutput.print(rows);
    }
    return ok ? 0 : 1;
  }
}
