package dev.judgefleet.worker.problem.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The canonical archive: same files, same digest and bytes; links resolved or refused. */
class PackageArchiveTest {
  private static final UnpackLimits LIMITS = UnpackLimits.DEFAULTS;

  @TempDir Path temp;

  private static void write(Path root, String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private PackageArchive.Packed pack(Path dir) throws Exception {
    return PackageArchive.write(dir, Files.createTempFile(temp, "archive", ".tar.gz"), LIMITS);
  }

  @Test
  void theSameFilesGiveTheSameDigestAndBytesWhateverTheirTimesOrderAndOwners() throws Exception {
    Path a = temp.resolve("a/p");
    write(a, "problem.yaml", "name: P\n");
    write(a, "data/secret/1.in", "1 2\n");
    write(a, "data/secret/1.ans", "3\n");
    Files.createDirectories(a.resolve("data/sample"));
    Path b = temp.resolve("b/p");
    // Written in another order, with other times and permissions (but the same exec bits).
    write(b, "data/secret/1.ans", "3\n");
    Files.createDirectories(b.resolve("data/sample"));
    write(b, "data/secret/1.in", "1 2\n");
    write(b, "problem.yaml", "name: P\n");
    Files.setLastModifiedTime(
        b.resolve("problem.yaml"), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
    Files.setPosixFilePermissions(
        b.resolve("data/secret/1.in"), PosixFilePermissions.fromString("rw-------"));

    Path archiveA = temp.resolve("a.tar.gz");
    Path archiveB = temp.resolve("b.tar.gz");
    PackageArchive.Packed packedA = PackageArchive.write(a, archiveA, LIMITS);
    PackageArchive.Packed packedB = PackageArchive.write(b, archiveB, LIMITS);
    assertEquals(packedA.digest(), packedB.digest());
    assertArrayEquals(Files.readAllBytes(archiveA), Files.readAllBytes(archiveB));
    assertEquals(3, packedA.manifest().files());
    assertEquals(
        PackageManifest.HEADER
            + "\nd data\nd data/sample\nd data/secret\n"
            + "f 644 2 "
            + sha256("3\n")
            + " data/secret/1.ans\nf 644 4 "
            + sha256("1 2\n")
            + " data/secret/1.in\nf 644 8 "
            + sha256("name: P\n")
            + " problem.yaml\n",
        packedA.manifest().text());

    // Unpacked anywhere, it is the same content again.
    Path unpacked = temp.resolve("u/p");
    Files.createDirectories(unpacked.getParent());
    try (InputStream in = Files.newInputStream(archiveA)) {
      assertEquals(packedA.digest(), PackageUnpacker.unpack(in, unpacked, LIMITS).digest());
    }
  }

  @Test
  void contentModeAndNamesChangeTheDigest() throws Exception {
    Path p = temp.resolve("p");
    write(p, "run", "#!/bin/sh\n");
    PackageDigest plain = pack(p).digest();
    Files.setPosixFilePermissions(p.resolve("run"), PosixFilePermissions.fromString("rwxr-xr-x"));
    PackageDigest executable = pack(p).digest();
    assertNotEquals(plain, executable);
    Files.writeString(p.resolve("run"), "#!/bin/sh\n\n");
    assertNotEquals(executable, pack(p).digest());
    Files.move(p.resolve("run"), p.resolve("run2"));
    Files.createDirectories(p.resolve("empty"));
    PackageDigest renamed = pack(p).digest();
    Files.delete(p.resolve("empty"));
    assertNotEquals(renamed, pack(p).digest(), "an empty directory is content too");
  }

  @Test
  void aSymlinkInsideIsStoredAsItsTargetAndVersionControlIsLeftOut() throws Exception {
    Path p = temp.resolve("p");
    write(p, "data/secret/1.in", "1 2\n");
    Files.createSymbolicLink(p.resolve("data/secret/2.in"), Path.of("1.in"));
    Files.createSymbolicLink(p.resolve("data/sample"), Path.of("secret"));
    write(p, ".git/config", "[core]\n");
    PackageManifest manifest = pack(p).manifest();
    assertEquals(
        java.util.List.of(
            "data",
            "data/sample",
            "data/sample/1.in",
            "data/sample/2.in",
            "data/secret",
            "data/secret/1.in",
            "data/secret/2.in"),
        manifest.entries().stream().map(PackageManifest.Entry::path).toList());
  }

  @Test
  void aSymlinkOutOfThePackageOrALoopIsRefused() throws Exception {
    Path p = temp.resolve("p");
    write(p, "problem.yaml", "name: P\n");
    write(temp, "secret.txt", "s3cr3t\n");
    Files.createSymbolicLink(p.resolve("leak"), temp.resolve("secret.txt"));
    ArchiveException out = assertThrows(ArchiveException.class, () -> pack(p));
    assertTrue(out.getMessage().contains("outside the package"), out.getMessage());
    Files.delete(p.resolve("leak"));
    Files.createDirectories(p.resolve("d"));
    Files.createSymbolicLink(p.resolve("d/up"), Path.of(".."));
    ArchiveException loop = assertThrows(ArchiveException.class, () -> pack(p));
    assertTrue(loop.getMessage().contains("loop"), loop.getMessage());
    Files.delete(p.resolve("d/up"));
    Files.createSymbolicLink(p.resolve("dangling"), Path.of("nowhere"));
    ArchiveException broken = assertThrows(ArchiveException.class, () -> pack(p));
    assertTrue(broken.getMessage().contains("broken symlink"), broken.getMessage());
  }

  @Test
  void thePackersCapsAreTheUnpackers() throws Exception {
    Path p = temp.resolve("p");
    write(p, "a", "12345");
    write(p, "b", "67890");
    ArchiveException bytes =
        assertThrows(
            ArchiveException.class,
            () -> PackageArchive.write(p, temp.resolve("x"), new UnpackLimits(8, 100, 100)));
    assertTrue(bytes.getMessage().contains("more than 8 bytes"), bytes.getMessage());
    ArchiveException entries =
        assertThrows(
            ArchiveException.class,
            () -> PackageArchive.write(p, temp.resolve("x"), new UnpackLimits(100, 1, 100)));
    assertTrue(entries.getMessage().contains("more than 1 files"), entries.getMessage());
  }

  private static String sha256(String s) {
    return java.util.HexFormat.of()
        .formatHex(
            PackageManifest.sha256().digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
