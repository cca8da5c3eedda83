package dev.judgefleet.worker.rootfs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Brings an image from an OCI image layout (what {@code skopeo copy docker://REGISTRY/gcc
 * oci:DIR:gcc} fetched from a registry) into the node's store: {@code umoci} unpacks it, the tree
 * is hashed, and it is taken only if it hashes to the digest its config carries ({@value
 * OciLayout#DIGEST_LABEL}), the digest it was built with.
 */
public final class ImageImporter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RootfsStore store;

  public ImageImporter(RootfsStore store) {
    this.store = store;
  }

  /**
   * Imports image {@code tag} of the layout {@code layout}.
   *
   * @throws RootfsException when it cannot be unpacked or does not hash to its label
   */
  public StoredImage importImage(Path layout, String tag) {
    if (!ImageInfo.validName(tag)) {
      throw new RootfsException("bad image name: " + tag);
    }
    JsonNode config = config(layout, tag);
    String expected = config.path("config").path("Labels").path(OciLayout.DIGEST_LABEL).asText("");
    if (expected.isEmpty()) {
      throw new RootfsException(
          "image " + tag + " in " + layout + " has no " + OciLayout.DIGEST_LABEL + " label");
    }
    Path work = store.newWorkDir("import-" + tag);
    try {
      Path bundle = work.resolve("bundle");
      unpack(layout, tag, bundle);
      Path tree = bundle.resolve("rootfs");
      TreeScan scan = TreeScan.of(tree);
      if (!scan.digest().equals(expected)) {
        throw new RootfsException(
            "image "
                + tag
                + " from "
                + layout
                + " hashes to "
                + scan.digest()
                + ", not to "
                + expected
                + " as its label says; not taken");
      }
      String created = config.path("created").asText("");
      long epoch = created.isEmpty() ? 0 : Instant.parse(created).getEpochSecond();
      ImageInfo info =
          new ImageInfo(
              tag,
              scan.digest(),
              "(imported)",
              epoch,
              scan.bytes(),
              scan.entries().size(),
              Files.isRegularFile(tree.resolve("var/lib/dpkg/status"))
                  ? DpkgStatus.installed(tree)
                  : List.of(),
              Map.of());
      return store.install(tree, scan, info);
    } finally {
      try {
        RootfsStore.deleteTree(work);
      } catch (IOException e) {
        // Scratch left in the store's tmp/ is removed with the next build's.
      }
    }
  }

  /** The image config of {@code tag}: index, then manifest, then config blob. */
  static JsonNode config(Path layout, String tag) {
    try {
      JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
      for (JsonNode m : index.path("manifests")) {
        if (tag.equals(m.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
          JsonNode manifest = blob(layout, m.path("digest").asText());
          return blob(layout, manifest.path("config").path("digest").asText());
        }
      }
    } catch (IOException e) {
      throw new RootfsException("reading the OCI layout " + layout + ": " + e.getMessage(), e);
    }
    throw new RootfsException("the OCI layout " + layout + " has no image tagged " + tag);
  }

  private static JsonNode blob(Path layout, String digest) throws IOException {
    if (!digest.matches("sha256:[0-9a-f]{64}")) {
      throw new IOException("bad digest " + digest);
    }
    byte[] bytes = Files.readAllBytes(layout.resolve("blobs/sha256").resolve(digest.substring(7)));
    String actual = "sha256:" + java.util.HexFormat.of().formatHex(TreeScan.sha256().digest(bytes));
    if (!actual.equals(digest)) {
      throw new IOException("blob " + digest + " hashes to " + actual);
    }
    return JSON.readTree(bytes);
  }

  private static void unpack(Path layout, String tag, Path bundle) {
    ExternalTool.run(
        List.of("umoci", "unpack", "--image", layout + ":" + tag, bundle.toString()),
        "unpacking " + layout + ":" + tag,
        "umoci");
  }
}
