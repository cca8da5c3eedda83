package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.rootfs.ImageRecipe;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code judge rootfs build}: builds images with mmdebstrap into the node's store. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Build language images with mmdebstrap, reproducibly.",
      "Builds the images of LANGs (language ids or image names; all without any) with mmdebstrap from Debian, reproducibly (SOURCE_DATE_EPOCH), into <state-dir>/rootfs, and exports them to its OCI layout. Prints each image's digest as sha256:<hex>. An image in the store is kept unless --force rebuilds it. Exit status 1 if any image failed to build."
    })
public final class RootfsBuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Inject WorkerConfig config;

  @Option(names = "--force", description = "rebuild images that are in the store already")
  boolean force;

  @Parameters(paramLabel = "LANG", description = "languages or images (default: all)")
  List<String> names = new ArrayList<>();

  @Override
  public Integer call() {
    RootfsSetup setup = new RootfsSetup(config);
    List<ImageRecipe> images;
    try {
      images = setup.recipes.select(names);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return setup.build(images, force, System.out, System.err) ? 0 : 1;
  }
}
