package dev.judgefleet.worker.rootfs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OCI image layout directory ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/}),
 * the form a registry carries images in: {@code skopeo copy oci:DIR:gcc docker://REGISTRY/gcc}.
 * Each image is tagged with its name ({@code org.opencontainers.image.ref.name}); its config
 * carries the tree digest as the label {@code dev.judgefleet.rootfs.digest}, which a node checks
 * after unpacking. Configs and manifests are written with fixed key order and the build's {@code
 * SOURCE_DATE_EPOCH}, so they are as reproducible as the layers.
 */
public final class OciLayout {
  public static final String DIGEST_LABEL = "dev.judgefleet.rootfs.digest";
  public static final String LANGUAGES_LABEL = "dev.judgefleet.rootfs.languages";
  private static final String REF_NAME = "org.opencontainers.image.ref.name";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  public OciLayout(Path dir) {
    this.dir = dir;
  }

  public Path blobs() {
    return dir.resolve("blobs").resolve("sha256");
  }

  /**
   * Writes an image's config and manifest and tags it in the index (replacing an older image of the
   * same tag).
   *
   * @return the manifest's digest
   */
  public synchronized String tag(
      String tag,
      List<LayerWriter.Layer> layers,
      String treeDigest,
      List<String> languages,
      long epochSeconds) {
    try {
      Files.createDirectories(blobs());
      writeFile(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes());
      ObjectNode config = JSON.createObjectNode();
      config.put("created", Instant.ofEpochSecond(epochSeconds).toString());
      config.put("architecture", "amd64");
      config.put("os", "linux");
      ObjectNode runtime = config.putObject("config");
      runtime.putArray("Env").add("PATH=/usr/local/bin:/usr/bin:/bin");
      ObjectNode labels = runtime.putObject("Labels");
      labels.put(DIGEST_LABEL, treeDigest);
      labels.put(LANGUAGES_LABEL, String.join(",", languages));
      ObjectNode rootfs = config.putObject("rootfs");
      rootfs.put("type", "layers");
      ArrayNode diffIds = rootfs.putArray("diff_ids");
      layers.forEach(l -> diffIds.add(l.diffId()));
      Descriptor configBlob = blob(JSON.writeValueAsBytes(config));

      ObjectNode manifest = JSON.createObjectNode();
      manifest.put("schemaVersion", 2);
      manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
      ObjectNode c = manifest.putObject("config");
      c.put("mediaType", "application/vnd.oci.image.config.v1+json");
      c.put("digest", configBlob.digest);
      c.put("size", configBlob.size);
      ArrayNode ls = manifest.putArray("layers");
      for (LayerWriter.Layer l : layers) {
        ObjectNode d = ls.addObject();
        d.put("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip");
        d.put("digest", l.digest());
        d.put("size", l.sizeBytes());
      }
      Descriptor manifestBlob = blob(JSON.writeValueAsBytes(manifest));

      Map<String, JsonNode> byTag = new LinkedHashMap<>();
      Path indexFile = dir.resolve("index.json");
      if (Files.exists(indexFile)) {
        for (JsonNode m : JSON.readTree(indexFile.toFile()).path("manifests")) {
          byTag.put(m.path("annotations").path(REF_NAME).asText(), m);
        }
      }
      ObjectNode entry = JSON.createObjectNode();
      entry.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
      entry.put("digest", manifestBlob.digest);
      entry.put("size", manifestBlob.size);
      entry.putObject("annotations").put(REF_NAME, tag);
      byTag.put(tag, entry);
      ObjectNode index = JSON.createObjectNode();
      index.put("schemaVersion", 2);
      index.put("mediaType", "application/vnd.oci.image.index.v1+json");
      ArrayNode manifests = index.putArray("manifests");
      byTag.keySet().stream().sorted().forEach(t -> manifests.add(byTag.get(t)));
      writeFile(indexFile, JSON.writeValueAsBytes(index));
      return manifestBlob.digest;
    } catch (IOException e) {
      throw new UncheckedIOException("writing image " + tag + " to the OCI layout " + dir, e);
    }
  }

  private record Descriptor(String digest, long size) {}

  private Descriptor blob(byte[] bytes) throws IOException {
    String hex = HexFormat.of().formatHex(TreeScan.sha256().digest(bytes));
    writeFile(blobs().resolve(hex), bytes);
    return new Descriptor("sha256:" + hex, bytes.length);
  }

  private static void writeFile(Path file, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), ".tmp-", "");
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
