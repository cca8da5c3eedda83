package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.NodeName;
import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.problem.store.ObjectStore;
import dev.judgefleet.worker.problem.store.ProblemPublisher;
import java.time.Clock;
import picocli.CommandLine.Command;

/** {@code judge problems}: the setters' side of the problem store. */
@Command(
    name = "problems",
    mixinStandardHelpOptions = true,
    description = {
      "Publish problem packages to the fleet's store, and read it.",
      "The store is S3-compatible: judge.problems.store.* (endpoint, bucket, access-key, secret-key, ...), e.g. JUDGE_PROBLEMS_STORE_ENDPOINT=http://127.0.0.1:9000 (bin/judge up sets it for its own)."
    },
    subcommands = {
      ProblemsPushCommand.class,
      ProblemsListCommand.class,
      ProblemsShowCommand.class,
      ProblemsPullCommand.class,
      ProblemsBenchCommand.class
    })
public final class ProblemsCommand {
  private ProblemsCommand() {}

  /** A client of the configured store. */
  static ObjectStore connect(WorkerConfig config) {
    return ObjectStore.connect(config.problems().store().settings());
  }

  static ProblemPublisher publisher(WorkerConfig config, ObjectStore store) {
    return new ProblemPublisher(store, config.problems().cache().unpackLimits(), Clock.systemUTC());
  }

  /** Who pushes: the user (the one behind sudo, if any) at this host. */
  static String whoAmI() {
    String user = System.getenv("SUDO_USER");
    if (user == null || user.isBlank()) {
      user = System.getProperty("user.name", "unknown");
    }
    return user + "@" + NodeName.get();
  }
}
