package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.image.WorkerImageBuilder;
import dev.judgefleet.worker.image.WorkerImageRecipe;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.rootfs.RootfsException;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code judge image build}: the worker's OCI image and docker-archive under target/image. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Build the worker's container image, reproducibly.",
      "Builds the worker's image offline from deploy/image/worker-image.yaml: mmdebstrap makes the Debian base with the JRE and libseccomp (the .debs are cached in the node's rootfs store), the worker's fast-jar and the language recipes go on top. Writes an OCI layout (target/image/oci) and a docker-archive (target/image/judgefleet-worker.tar), and prints the reference, the digest and the sizes. Two builds of one commit give the same digest."
    })
public final class ImageBuildCommand implements Callable<Integer> {
  @Inject WorkerConfig config;

  @Option(
      names = "--tag",
      defaultValue = WorkerImageRecipe.DEFAULT_TAG,
      description = "the image's tag (default: ${DEFAULT-VALUE})")
  String tag;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where to write the image (default: target/image in the checkout)")
  Path out;

  @Override
  public Integer call() {
    Path recipes = LanguageCatalog.recipesDirectory(config.languages().recipes());
    Path checkout = recipes.toAbsolutePath().getParent();
    Path imageDir = checkout.resolve("deploy").resolve("image");
    try {
      WorkerImageRecipe recipe = WorkerImageRecipe.read(imageDir.resolve("worker-image.yaml"));
      var inputs =
          new WorkerImageBuilder.Inputs(
              recipe,
              checkout.resolve("worker/target/quarkus-app"),
              recipes,
              imageDir.resolve("judge"),
              config.rootfsStore().packageCache(recipe.suite()),
              tag,
              out != null ? out : checkout.resolve("target").resolve("image"));
      long start = System.nanoTime();
      WorkerImageBuilder.Built built = new WorkerImageBuilder(System.err).build(inputs);
      System.out.printf("image      %s%n", built.reference());
      System.out.printf("digest     %s%n", built.manifestDigest());
      System.out.printf(
          "size       %s compressed (%s base + %s worker), %s unpacked%n",
          Units.humanBytes(built.compressedBytes()),
          Units.humanBytes(built.layers().get(0).sizeBytes()),
          Units.humanBytes(built.layers().get(1).sizeBytes()),
          Units.humanBytes(built.treeBytes()));
      System.out.printf("oci        %s (tag %s)%n", built.ociLayout(), tag);
      System.out.printf("archive    %s%n", built.dockerArchive());
      System.out.printf("built in   %.0f s%n", (System.nanoTime() - start) / 1e9);
      return 0;
    } catch (RootfsException | UncheckedIOException | IllegalArgumentException e) {
      System.err.println("judge image build: " + e.getMessage());
      return 1;
    }
  }
}
