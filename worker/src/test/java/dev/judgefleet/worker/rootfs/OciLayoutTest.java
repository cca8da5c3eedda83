package dev.judgefleet.worker.rootfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private JsonNode blob(OciLayout oci, String digest) throws IOException {
    byte[] bytes = Files.readAllBytes(oci.blobs().resolve(digest.substring("sha256:".length())));
    assertEquals(digest, "sha256:" + HexFormat.of().formatHex(TreeScan.sha256().digest(bytes)));
    return JSON.readTree(bytes);
  }

  @Test
  void imagesAreTaggedByNameWithTheTreeDigestAsALabelAndRetaggingReplaces() throws IOException {
    Path lower = Trees.small(temp.resolve("lower"), "base");
    Path upper = Trees.small(temp.resolve("upper"), "gcc");
    TreeScan lowerScan = TreeScan.of(lower);
    TreeScan upperScan = TreeScan.of(upper);
    OciLayout oci = new OciLayout(temp.resolve("oci"));
    LayerWriter.Layer base = LayerWriter.full(lower, lowerScan, 1, oci.blobs());
    LayerWriter.Layer own = LayerWriter.diff(upper, upperScan, lowerScan, 1, oci.blobs());

    String first = oci.tag("gcc", List.of(base, own), upperScan.digest(), List.of("c", "cpp"), 1);
    oci.tag("base", List.of(base), lowerScan.digest(), List.of(), 1);
    String again = oci.tag("gcc", List.of(base, own), upperScan.digest(), List.of("c", "cpp"), 1);
    assertEquals(first, again, "the same image gives the same manifest");

    JsonNode index = JSON.readTree(temp.resolve("oci/index.json").toFile());
    assertEquals(2, index.get("manifests").size());
    assertEquals(
        "base",
        index
            .get("manifests")
            .get(0)
            .get("annotations")
            .get("org.opencontainers.image.ref.name")
            .asText());
    JsonNode manifest = blob(oci, first);
    assertEquals(2, manifest.get("layers").size());
    assertEquals(base.digest(), manifest.get("layers").get(0).get("digest").asText());
    JsonNode config = blob(oci, manifest.get("config").get("digest").asText());
    assertEquals(
        upperScan.digest(),
        config.get("config").get("Labels").get(OciLayout.DIGEST_LABEL).asText());
    assertEquals(
        "c,cpp", config.get("config").get("Labels").get(OciLayout.LANGUAGES_LABEL).asText());
    assertEquals(own.diffId(), config.get("rootfs").get("diff_ids").get(1).asText());
    assertEquals("1970-01-01T00:00:01Z", config.get("created").asText());
    assertEquals(
        "{\"imageLayoutVersion\":\"1.0.0\"}", Files.readString(temp.resolve("oci/oci-layout")));
  }
}
