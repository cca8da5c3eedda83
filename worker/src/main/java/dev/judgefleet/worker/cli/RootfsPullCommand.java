package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.rootfs.ImagePuller;
import dev.judgefleet.worker.rootfs.RootfsException;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code judge rootfs pull}: language images from a registry into this node's store. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch language images from a registry into this node's store, verified.",
      "Each REF is a skopeo reference (docker://REGISTRY/judgefleet/gcc:TAG, oci:DIR:gcc), optionally NAME=REF; none: judge.languages.pull (JUDGE_LANGUAGES_PULL, comma-separated). An image the store holds at the digest the reference's label names, and that still hashes to it, is not fetched; a fetched one is taken only if its tree hashes to that digest. Registry credentials: skopeo's (REGISTRY_AUTH_FILE). Exit status 1 if any image could not be brought in."
    })
public final class RootfsPullCommand implements Callable<Integer> {
  @Inject WorkerConfig config;

  @Parameters(paramLabel = "REF", description = "skopeo image references, NAME=REF or REF")
  List<String> references = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    List<String> wanted =
        references.isEmpty() ? config.languages().pull().orElse(List.of()) : references;
    if (wanted.isEmpty()) {
      System.out.println(
          "rootfs pull: no images named (judge.languages.pull / JUDGE_LANGUAGES_PULL is empty)");
      return 0;
    }
    RootfsSetup setup = new RootfsSetup(config);
    ImagePuller puller = new ImagePuller(setup.store);
    int failed = 0;
    try (AutoCloseable lock = setup.store.lockForBuilds()) {
      for (String reference : wanted) {
        if (reference.isBlank()) {
          continue;
        }
        long start = System.nanoTime();
        try {
          ImagePuller.Pulled pulled = puller.pull(ImagePuller.Source.parse(reference));
          if (pulled.fetched()) {
            try {
              setup.recordVersions(pulled.image());
            } catch (RuntimeException e) {
              // The image is in and verified; `judge languages` shows no version until a build.
              System.err.printf(
                  "rootfs pull: %s: versions not recorded: %s%n",
                  pulled.image().name(), e.getMessage());
            }
          }
          System.out.printf(
              Locale.ROOT,
              "%-10s %s  %s (%.1f s)%n",
              pulled.image().name(),
              pulled.image().digest(),
              pulled.fetched() ? "fetched and verified" : "present and verified, not fetched",
              (System.nanoTime() - start) / 1e9);
        } catch (RootfsException | java.io.UncheckedIOException e) {
          failed++;
          System.out.printf("%-10s FAILED  %s%n", reference, e.getMessage());
        }
      }
    }
    return failed == 0 ? 0 : 1;
  }
}
