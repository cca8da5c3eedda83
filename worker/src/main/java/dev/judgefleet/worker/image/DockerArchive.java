package dev.judgefleet.worker.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.judgefleet.worker.rootfs.LayerWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes an image as a {@code docker-archive} tar ({@code manifest.json}, the config, the layers),
 * the form {@code docker load}, {@code kind load image-archive}, {@code ctr images import} and
 * {@code skopeo copy docker-archive:} take. The layers stay gzip-compressed (every loader accepts
 * that); entries are in a fixed order with the build's epoch as their time, so the tar is as
 * reproducible as the OCI layout it is made from.
 */
final class DockerArchive {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DockerArchive() {}

  static void write(
      Path tarFile,
      Path blobs,
      String reference,
      OciImageWriter.Written image,
      List<LayerWriter.Layer> layers,
      long epochSeconds) {
    Instant time = Instant.ofEpochSecond(epochSeconds);
    String configName = hex(image.configDigest()) + ".json";
    ObjectNode entry = JSON.createObjectNode();
    entry.put("Config", configName);
    entry.putArray("RepoTags").add(reference);
    ArrayNode layerNames = entry.putArray("Layers");
    layers.forEach(l -> layerNames.add(hex(l.digest()) + "/layer.tar"));
    Path tmp = tarFile.resolveSibling(tarFile.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8")) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      add(tar, "manifest.json", JSON.writeValueAsBytes(JSON.createArrayNode().add(entry)), time);
      add(tar, configName, image.config(), time);
      for (LayerWriter.Layer l : layers) {
        Path blob = blobs.resolve(hex(l.digest()));
        TarArchiveEntry e = new TarArchiveEntry(hex(l.digest()) + "/layer.tar", true);
        header(e, Files.size(blob), time);
        tar.putArchiveEntry(e);
        Files.copy(blob, tar);
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the docker-archive " + tarFile, e);
    }
    try {
      Files.move(tmp, tarFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the docker-archive " + tarFile, e);
    }
  }

  private static void add(TarArchiveOutputStream tar, String name, byte[] bytes, Instant time)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    header(e, bytes.length, time);
    tar.putArchiveEntry(e);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  private static void header(TarArchiveEntry e, long size, Instant time) {
    e.setSize(size);
    e.setMode(0100644);
    e.setUserId(0);
    e.setGroupId(0);
    e.setUserName("");
    e.setGroupName("");
    e.setModTime(FileTime.from(time));
  }

  private static String hex(String digest) {
    return digest.substring("sha256:".length());
  }
}
