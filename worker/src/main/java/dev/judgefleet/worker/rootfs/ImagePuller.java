package dev.judgefleet.worker.rootfs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brings a language image from a registry (or any transport skopeo knows) into the node's store, as
 * a pod's init container does before the worker starts. The image's config is read first ({@code
 * skopeo inspect --config}): when the store already holds that name at the digest the config's
 * label names, and the tree still hashes to it, nothing is fetched. Otherwise {@code skopeo copy}
 * fetches it into an OCI layout on the store's filesystem and {@link ImageImporter} takes it only
 * if its tree hashes to that label.
 */
public final class ImagePuller {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RootfsStore store;

  public ImagePuller(RootfsStore store) {
    this.store = store;
  }

  /**
   * Where an image comes from and the name it gets in the store.
   *
   * @param name the image's name in the store ({@code gcc})
   * @param reference a skopeo reference ({@code docker://registry.example/judgefleet/gcc:1.4},
   *     {@code oci:/srv/layout:gcc})
   */
  public record Source(String name, String reference) {
    public Source {
      if (!ImageInfo.validName(name)) {
        throw new RootfsException("bad image name " + name + " for " + reference);
      }
    }

    /**
     * {@code NAME=REFERENCE}, or a reference alone, named by its tag when it is an OCI layout
     * ({@code oci:DIR:gcc}) and by the last component of its repository otherwise ({@code
     * docker://registry.example/judgefleet/gcc:1.4} is {@code gcc}).
     */
    public static Source parse(String argument) {
      String arg = argument.strip();
      int equals = arg.indexOf('=');
      int colon = arg.indexOf(':');
      if (equals > 0 && (colon < 0 || equals < colon)) {
        return new Source(arg.substring(0, equals), arg.substring(equals + 1));
      }
      if (colon <= 0) {
        throw new RootfsException(
            "not an image reference: " + argument + " (expected TRANSPORT:REF, e.g. docker://...)");
      }
      String transport = arg.substring(0, colon);
      String rest = arg.substring(colon + 1);
      if (transport.equals("oci") || transport.equals("oci-archive")) {
        int tag = rest.lastIndexOf(':');
        if (tag < 0) {
          throw new RootfsException(
              "an OCI layout reference needs a tag, as in oci:DIR:gcc: " + argument);
        }
        return new Source(rest.substring(tag + 1), arg);
      }
      String repository = rest.replaceFirst("^//", "");
      int digest = repository.indexOf('@');
      if (digest >= 0) {
        repository = repository.substring(0, digest);
      }
      String last = repository.substring(repository.lastIndexOf('/') + 1);
      int tag = last.indexOf(':');
      return new Source(tag >= 0 ? last.substring(0, tag) : last, arg);
    }
  }

  /**
   * What a pull did.
   *
   * @param fetched whether it was fetched, or found in the store at the wanted digest
   */
  public record Pulled(StoredImage image, boolean fetched) {}

  /**
   * Makes the store hold {@code source} at the digest its config names.
   *
   * @throws RootfsException when it cannot be inspected, fetched or verified
   */
  public Pulled pull(Source source) {
    String wanted = labelledDigest(source, inspectConfig(source.reference()));
    Optional<StoredImage> stored = store.image(source.name());
    if (stored.isPresent()
        && stored.get().digest().equals(wanted)
        && stored.get().recheck().isEmpty()) {
      return new Pulled(stored.get(), false);
    }
    Path work = store.newWorkDir("pull-" + source.name());
    try {
      Path layout = work.resolve("layout");
      skopeo(
          "fetching " + source.reference(),
          List.of("copy", "--quiet", source.reference(), "oci:" + layout + ":" + source.name()));
      StoredImage image = new ImageImporter(store).importImage(layout, source.name());
      if (!image.digest().equals(wanted)) {
        throw new RootfsException(
            source.reference()
                + " changed while it was fetched: "
                + image.digest()
                + ", not "
                + wanted);
      }
      return new Pulled(image, true);
    } finally {
      try {
        RootfsStore.deleteTree(work);
      } catch (IOException e) {
        // Scratch left in the store's tmp/ is removed with the next build's.
      }
    }
  }

  static String labelledDigest(Source source, JsonNode config) {
    String digest = config.path("config").path("Labels").path(OciLayout.DIGEST_LABEL).asText("");
    if (digest.isEmpty()) {
      throw new RootfsException(
          source.reference()
              + " is not a judgefleet language image: its config has no "
              + OciLayout.DIGEST_LABEL
              + " label");
    }
    return digest;
  }

  private static JsonNode inspectConfig(String reference) {
    String out = skopeo("inspecting " + reference, List.of("inspect", "--config", reference));
    try {
      return JSON.readTree(out);
    } catch (IOException e) {
      throw new RootfsException("skopeo inspect --config " + reference + ": not JSON: " + e, e);
    }
  }

  private static String skopeo(String doing, List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add("skopeo");
    argv.addAll(args);
    return ExternalTool.run(argv, doing, "skopeo");
  }
}
