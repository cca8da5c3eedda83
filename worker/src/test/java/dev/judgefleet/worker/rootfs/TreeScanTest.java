package dev.judgefleet.worker.rootfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeScanTest {
  @TempDir Path temp;

  @Test
  void theSameTreeGivesTheSameDigestWhateverTheOrderOfCreationAndTheTimes() throws IOException {
    Path a = Trees.small(temp.resolve("a"), "x");
    Path b = temp.resolve("b");
    // Created in another order, with other times: the digest does not see either.
    Files.createDirectories(b.resolve("box"));
    Files.createDirectories(b.resolve("problem"));
    Files.createDirectories(b.resolve("tmp"));
    Files.createDirectories(b.resolve("proc"));
    Files.createDirectories(b.resolve("dev"));
    Files.createDirectories(b.resolve("etc"));
    Files.writeString(b.resolve("etc/name"), "x\n");
    Files.createSymbolicLink(b.resolve("bin"), Path.of("usr/bin"));
    Files.createDirectories(b.resolve("usr/bin"));
    Files.writeString(b.resolve("usr/bin/tool"), "#!/bin/sh\necho tool\n");
    Files.setPosixFilePermissions(
        b.resolve("usr/bin/tool"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setLastModifiedTime(b.resolve("etc/name"), FileTime.fromMillis(0));

    TreeScan sa = TreeScan.of(a);
    TreeScan sb = TreeScan.of(b);
    assertEquals(sa.digest(), sb.digest());
    assertTrue(sa.digest().matches("sha256:[0-9a-f]{64}"), sa.digest());
    assertEquals(
        List.of("bin", "box", "dev", "etc", "etc/name", "problem", "proc", "tmp", "usr"),
        sa.entries().stream().map(TreeEntry::path).toList().subList(0, 9));
  }

  @Test
  void contentModeAndLinkTargetsAreInTheDigestAndTheDifferenceIsNamed() throws IOException {
    Path tree = Trees.small(temp.resolve("t"), "x");
    TreeScan before = TreeScan.of(tree);

    Files.writeString(tree.resolve("etc/name"), "y\n");
    TreeScan content = TreeScan.of(tree);
    assertNotEquals(before.digest(), content.digest());
    assertEquals("/etc/name differs", before.firstDifference(content).orElseThrow());

    Files.writeString(tree.resolve("etc/name"), "x\n");
    assertEquals(before.digest(), TreeScan.of(tree).digest());
    Files.setPosixFilePermissions(
        tree.resolve("etc/name"), PosixFilePermissions.fromString("rw-rw-rw-"));
    assertNotEquals(before.digest(), TreeScan.of(tree).digest());

    Files.setPosixFilePermissions(
        tree.resolve("etc/name"), PosixFilePermissions.fromString("rw-r--r--"));
    Files.delete(tree.resolve("bin"));
    Files.createSymbolicLink(tree.resolve("bin"), Path.of("/usr/bin"));
    assertEquals("/bin differs", before.firstDifference(TreeScan.of(tree)).orElseThrow());

    Files.delete(tree.resolve("bin"));
    Files.createSymbolicLink(tree.resolve("bin"), Path.of("usr/bin"));
    Files.delete(tree.resolve("usr/bin/tool"));
    assertEquals(
        "/usr/bin/tool is missing", before.firstDifference(TreeScan.of(tree)).orElseThrow());
    Files.writeString(tree.resolve("usr/bin/tool"), "#!/bin/sh\necho tool\n");
    Files.setPosixFilePermissions(
        tree.resolve("usr/bin/tool"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(tree.resolve("extra"), "");
    assertEquals("/extra was added", before.firstDifference(TreeScan.of(tree)).orElseThrow());
  }

  @Test
  void aManifestReadsBackToTheSameDigestWithSpacesAndNewlinesInLinks() throws IOException {
    Path tree = Trees.small(temp.resolve("t"), "x");
    Files.createSymbolicLink(tree.resolve("odd link"), Path.of("a target\nwith \\ things"));
    TreeScan scan = TreeScan.of(tree);
    TreeScan read = TreeScan.parseManifest(scan.manifest());
    assertEquals(scan.digest(), read.digest());
    assertEquals(scan.entries(), read.entries());
  }

  @Test
  void anythingButFilesDirectoriesAndLinksIsRefused() throws IOException, InterruptedException {
    Path tree = Trees.small(temp.resolve("t"), "x");
    Process mkfifo = new ProcessBuilder("mkfifo", tree.resolve("tmp/fifo").toString()).start();
    assertEquals(0, mkfifo.waitFor());
    Exception e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.UncheckedIOException.class, () -> TreeScan.of(tree));
    assertTrue(e.getMessage().contains("/tmp/fifo is a device, fifo or socket"), e.getMessage());
  }
}
