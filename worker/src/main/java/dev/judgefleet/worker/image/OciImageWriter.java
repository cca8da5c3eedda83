package dev.judgefleet.worker.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.judgefleet.worker.rootfs.LayerWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes the worker image's config, manifest and index into an OCI layout whose blobs already hold
 * its layers. Unlike a language image (which the sandbox only unpacks), this one is run by a
 * container runtime: its config carries the entry point, command, environment and port. Keys are
 * written in a fixed order and the time is the build's epoch, so the digests are reproducible.
 */
final class OciImageWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The written image: the manifest's and the config's digests. */
  record Written(String manifestDigest, String configDigest, byte[] config) {}

  private OciImageWriter() {}

  static Written write(
      Path layout,
      String tag,
      List<LayerWriter.Layer> layers,
      Map<String, String> labels,
      long epochSeconds) {
    try {
      ObjectNode config = JSON.createObjectNode();
      config.put("created", Instant.ofEpochSecond(epochSeconds).toString());
      config.put("architecture", "amd64");
      config.put("os", "linux");
      ObjectNode runtime = config.putObject("config");
      runtime.putArray("Env").add("PATH=/usr/local/bin:/usr/bin:/bin").add("LC_ALL=C.UTF-8");
      runtime.putArray("Entrypoint").add("/usr/local/bin/judge");
      runtime.putArray("Cmd").add("serve");
      runtime.put("WorkingDir", "/");
      runtime.putObject("ExposedPorts").putObject("8080/tcp");
      ObjectNode labelNode = runtime.putObject("Labels");
      labels.forEach(labelNode::put);
      ObjectNode rootfs = config.putObject("rootfs");
      rootfs.put("type", "layers");
      ArrayNode diffIds = rootfs.putArray("diff_ids");
      layers.forEach(l -> diffIds.add(l.diffId()));
      byte[] configBytes = JSON.writeValueAsBytes(config);
      String configDigest = blob(layout, configBytes);

      ObjectNode manifest = JSON.createObjectNode();
      manifest.put("schemaVersion", 2);
      manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
      ObjectNode c = manifest.putObject("config");
      c.put("mediaType", "application/vnd.oci.image.config.v1+json");
      c.put("digest", configDigest);
      c.put("size", configBytes.length);
      ArrayNode ls = manifest.putArray("layers");
      for (LayerWriter.Layer l : layers) {
        ObjectNode d = ls.addObject();
        d.put("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip");
        d.put("digest", l.digest());
        d.put("size", l.sizeBytes());
      }
      byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
      String manifestDigest = blob(layout, manifestBytes);

      ObjectNode index = JSON.createObjectNode();
      index.put("schemaVersion", 2);
      index.put("mediaType", "application/vnd.oci.image.index.v1+json");
      ObjectNode entry = index.putArray("manifests").addObject();
      entry.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
      entry.put("digest", manifestDigest);
      entry.put("size", manifestBytes.length);
      entry.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
      Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
      Files.write(layout.resolve("index.json"), JSON.writeValueAsBytes(index));
      return new Written(manifestDigest, configDigest, configBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the worker image to the OCI layout " + layout, e);
    }
  }

  static Path blobs(Path layout) {
    return layout.resolve("blobs").resolve("sha256");
  }

  private static String blob(Path layout, byte[] bytes) throws IOException {
    String hex;
    try {
      hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Files.createDirectories(blobs(layout));
    Files.write(blobs(layout).resolve(hex), bytes);
    return "sha256:" + hex;
  }
}
