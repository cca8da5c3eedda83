package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.rootfs.ImageImporter;
import dev.judgefleet.worker.rootfs.RootfsException;
import dev.judgefleet.worker.rootfs.StoredImage;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code judge rootfs import}: an image from an OCI layout into this node's store. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Unpack an image of an OCI layout into this node's store.",
      "Unpacks image TAG of an OCI image layout (umoci) into this node's store, if its tree hashes to the digest it was built with (its dev.judgefleet.rootfs.digest label). Fetch it from a registry first, e.g. with skopeo copy docker://REGISTRY/judgefleet/gcc:TAG oci:DIR:gcc."
    })
public final class RootfsImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Inject WorkerConfig config;

  @Parameters(index = "0", paramLabel = "DIR:TAG", description = "an OCI layout and a tag")
  String source;

  @Override
  public Integer call() throws Exception {
    int colon = source.lastIndexOf(':');
    if (colon <= 0 || colon == source.length() - 1) {
      throw new ParameterException(spec.commandLine(), "expected DIR:TAG, got " + source);
    }
    RootfsSetup setup = new RootfsSetup(config);
    StoredImage image;
    try (AutoCloseable lock = setup.store.lockForBuilds()) {
      image =
          new ImageImporter(setup.store)
              .importImage(Path.of(source.substring(0, colon)), source.substring(colon + 1));
    } catch (RootfsException e) {
      System.err.println("rootfs import: " + e.getMessage());
      return 1;
    }
    setup.recordVersions(image);
    System.out.printf("%-10s %s  imported%n", image.name(), image.digest());
    return 0;
  }
}
