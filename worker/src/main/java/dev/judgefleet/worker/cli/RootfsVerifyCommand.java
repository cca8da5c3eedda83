package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.rootfs.RootfsException;
import dev.judgefleet.worker.rootfs.StoredImage;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code judge rootfs verify}: hashes every stored image again and compares with its digest. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Hash the stored images again and compare their digests.",
      "Hashes the stored images again (all, or the IMAGEs named) and compares each with its digest. Exit status 1 if any is missing, partial or corrupted."
    })
public final class RootfsVerifyCommand implements Callable<Integer> {
  @Inject WorkerConfig config;

  @Parameters(paramLabel = "IMAGE", description = "image names (default: all)")
  List<String> names = new ArrayList<>();

  @Override
  public Integer call() {
    RootfsSetup setup = new RootfsSetup(config);
    List<String> which = names.isEmpty() ? setup.store.names() : names;
    int failed = 0;
    for (String name : which) {
      long start = System.nanoTime();
      Optional<String> problem;
      String digest = "";
      try {
        Optional<StoredImage> image = setup.store.image(name);
        if (image.isEmpty()) {
          problem = Optional.of("image " + name + " is not in the store");
        } else {
          digest = image.get().digest();
          problem = image.get().recheck();
        }
      } catch (RootfsException e) {
        problem = Optional.of(e.getMessage());
      }
      if (problem.isPresent()) {
        failed++;
        System.out.printf("%-10s FAILED  %s%n", name, problem.get());
      } else {
        System.out.printf(
            Locale.ROOT,
            "%-10s ok      %s  (%.1f s)%n",
            name,
            digest,
            (System.nanoTime() - start) / 1e9);
      }
    }
    return failed == 0 ? 0 : 1;
  }
}
