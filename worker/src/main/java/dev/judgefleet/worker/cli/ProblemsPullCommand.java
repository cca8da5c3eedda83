package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.problem.store.ArchiveException;
import dev.judgefleet.worker.problem.store.ObjectStore;
import dev.judgefleet.worker.problem.store.PackageManifest;
import dev.judgefleet.worker.problem.store.ProblemIndex;
import dev.judgefleet.worker.problem.store.ProblemPublisher;
import dev.judgefleet.worker.problem.store.StoreException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code judge problems pull ID [--version V]}. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = {
      "Download a version of a problem from the store.",
      "Downloads it into DIR/ID (default ./ID), verified against its digest. --version takes a content version or a digest (or its first 12 hex digits); default: the current version.",
      "Exit status: 0, or 1 when there is no such problem or version or the archive is corrupt."
    })
public final class ProblemsPullCommand implements Callable<Integer> {
  @Inject WorkerConfig config;

  @Option(names = "--version", description = "a content version or a digest (prefix)")
  String version;

  @Option(names = "--to", description = "the directory to put ID/ into (default: .)")
  Path to = Path.of(".");

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
    Path target = to.resolve(id);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      System.err.println("pull: " + target + " exists already");
      return 1;
    }
    try (ObjectStore store = ProblemsCommand.connect(config)) {
      ProblemPublisher publisher = ProblemsCommand.publisher(config, store);
      Optional<ProblemIndex> index = publisher.index(id);
      if (index.isEmpty()) {
        System.err.println("pull: no problem '" + id + "' in " + store.settings().describe());
        return 1;
      }
      Optional<ProblemIndex.Version> chosen =
          version == null
              ? Optional.of(index.get().currentVersion())
              : index
                  .get()
                  .withContentVersion(version)
                  .or(
                      () ->
                          version.length() >= 12
                              ? index.get().withDigest(version)
                              : Optional.empty());
      if (chosen.isEmpty()) {
        System.err.println("pull: problem " + id + " has no version " + version);
        return 1;
      }
      Files.createDirectories(to);
      PackageManifest manifest;
      try {
        manifest = publisher.pull(id, chosen.get(), target);
      } catch (ArchiveException e) {
        System.err.println("pull: " + id + " " + chosen.get().digest() + ": " + e.getMessage());
        return 1;
      }
      System.out.printf(
          "%s: %s (content %s) into %s: %d files, %s, verified%n",
          id,
          chosen.get().digest(),
          chosen.get().contentVersion(),
          target,
          manifest.files(),
          Units.humanBytes(manifest.fileBytes()));
    }
    return 0;
  }
}
