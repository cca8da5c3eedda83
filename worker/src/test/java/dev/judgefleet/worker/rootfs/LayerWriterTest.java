package dev.judgefleet.worker.rootfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerWriterTest {
  private static final long EPOCH = 1754697600L;

  @TempDir Path temp;

  private static List<TarArchiveEntry> read(Path blob) throws IOException {
    List<TarArchiveEntry> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(blob);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        out.add(e);
      }
    }
    return out;
  }

  private static Path blob(Path blobs, LayerWriter.Layer layer) {
    return blobs.resolve(layer.digest().substring("sha256:".length()));
  }

  @Test
  void aLayerIsReproducibleAndCarriesOwnersModesLinksAndTheEpoch() throws IOException {
    Path tree = Trees.small(temp.resolve("t"), "x");
    TreeScan scan = TreeScan.of(tree);
    LayerWriter.Layer one = LayerWriter.full(tree, scan, EPOCH, temp.resolve("blobs1"));
    // Touching the files changes nothing: times are clamped.
    Files.setLastModifiedTime(
        tree.resolve("etc/name"), java.nio.file.attribute.FileTime.fromMillis(12345));
    LayerWriter.Layer two = LayerWriter.full(tree, TreeScan.of(tree), EPOCH, temp.resolve("b2"));
    assertEquals(one, two);
    byte[] bytes = Files.readAllBytes(blob(temp.resolve("blobs1"), one));
    assertEquals(
        one.digest(), "sha256:" + HexFormat.of().formatHex(TreeScan.sha256().digest(bytes)));
    assertEquals(bytes.length, one.sizeBytes());

    List<TarArchiveEntry> entries = read(blob(temp.resolve("blobs1"), one));
    assertEquals(scan.entries().size(), entries.size());
    for (TarArchiveEntry e : entries) {
      assertEquals(EPOCH * 1000, e.getModTime().getTime(), e.getName());
      assertEquals("", e.getUserName());
    }
    TarArchiveEntry link =
        entries.stream().filter(e -> e.getName().equals("bin")).findFirst().orElseThrow();
    assertTrue(link.isSymbolicLink());
    assertEquals("usr/bin", link.getLinkName());
    TarArchiveEntry tool =
        entries.stream().filter(e -> e.getName().equals("usr/bin/tool")).findFirst().orElseThrow();
    assertEquals(0755, tool.getMode() & 07777);
    assertTrue(
        entries.stream().anyMatch(e -> e.getName().equals("usr/") && e.isDirectory()),
        "directories end with a slash");
  }

  @Test
  void aDiffLayerHoldsWhatChangedWithItsParentsAndWhiteoutsForWhatWent() throws IOException {
    Path lower = Trees.small(temp.resolve("lower"), "x");
    Files.createDirectories(lower.resolve("var/cache/old"));
    Files.writeString(lower.resolve("var/cache/old/file"), "gone");
    Files.writeString(lower.resolve("etc/gone"), "gone");
    Path upper = Trees.small(temp.resolve("upper"), "y");
    Files.createDirectories(upper.resolve("var/cache"));
    Files.createDirectories(upper.resolve("opt/new"));
    Files.writeString(upper.resolve("opt/new/file"), "new");

    LayerWriter.Layer layer =
        LayerWriter.diff(
            upper, TreeScan.of(upper), TreeScan.of(lower), EPOCH, temp.resolve("blobs"));
    List<String> names =
        read(blob(temp.resolve("blobs"), layer)).stream().map(TarArchiveEntry::getName).toList();
    assertEquals(
        List.of(
            "etc/",
            "etc/name",
            "opt/",
            "opt/new/",
            "opt/new/file",
            "etc/.wh.gone",
            "var/cache/.wh.old"),
        names);
  }
}
