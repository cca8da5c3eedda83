package dev.judgefleet.worker.problem.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken archives: each is refused with a reason, and nothing is ever written outside
 * the directory it is unpacked into (the test looks at the whole temporary directory afterwards).
 */
class PackageUnpackerTest {
  private static final UnpackLimits LIMITS = new UnpackLimits(1 << 20, 100, 256);

  @TempDir Path temp;
  private Path target;

  @BeforeEach
  void setUp() {
    target = temp.resolve("box").resolve("pkg");
  }

  private PackageManifest unpack(byte[] archive) throws Exception {
    PackageCache.deleteTree(target.getParent());
    Files.createDirectories(target.getParent());
    return PackageUnpacker.unpack(new ByteArrayInputStream(archive), target, LIMITS);
  }

  private String refused(byte[] archive) {
    ArchiveException e = assertThrows(ArchiveException.class, () -> unpack(archive));
    assertNothingOutsideTheBox();
    return e.getMessage();
  }

  /** Only box/ (and what is under it) exists in the temporary directory. */
  private void assertNothingOutsideTheBox() {
    try (Stream<Path> all = Files.walk(temp)) {
      List<Path> outside =
          all.filter(p -> !p.equals(temp) && !p.startsWith(temp.resolve("box"))).toList();
      assertEquals(List.of(), outside);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    try (Stream<Path> all = Files.walk(temp)) {
      assertTrue(all.noneMatch(Files::isSymbolicLink), "no symlink was created");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void unpacksFilesAndDirectoriesWithTheirModes() throws Exception {
    byte[] archive =
        new HostileArchive()
            .directory("data")
            .file("data/1.in", "1 2\n")
            .file("problem.yaml", "name: P\n")
            .bytes();
    PackageManifest manifest = unpack(archive);
    assertEquals("1 2\n", Files.readString(target.resolve("data/1.in")));
    assertEquals(3, manifest.entries().size());
    assertEquals(2, manifest.files());
    assertEquals(
        "rw-r--r--",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(target.resolve("problem.yaml"))));
  }

  @Test
  void refusesPathTraversal() {
    String message = refused(new HostileArchive().file("../escaped", "x").bytes());
    assertTrue(message.contains("'..'"), message);
    message = refused(new HostileArchive().file("data/../../escaped", "x").bytes());
    assertTrue(message.contains("'..'"), message);
  }

  @Test
  void refusesAbsolutePaths() {
    String message = refused(new HostileArchive().file("/tmp/escaped", "x").bytes());
    assertTrue(message.contains("absolute"), message);
  }

  @Test
  void refusesSymbolicLinksEvenInsideThePackage() {
    String message = refused(new HostileArchive().symlink("data", "/etc").bytes());
    assertTrue(message.contains("symbolic link to '/etc'"), message);
    message = refused(new HostileArchive().file("a", "x").symlink("b", "a").bytes());
    assertTrue(message.contains("symbolic link"), message);
  }

  @Test
  void refusesALinkThenAFileThroughIt() {
    // The classic: a symlink to a directory outside, then a file "through" it.
    String message =
        refused(new HostileArchive().symlink("out", "/tmp").file("out/evil", "x").bytes());
    assertTrue(message.contains("symbolic link"), message);
  }

  @Test
  void refusesHardLinksAndSpecialFiles() {
    String message = refused(new HostileArchive().hardLink("passwd", "/etc/passwd").bytes());
    assertTrue(message.contains("hard link"), message);
    message = refused(new HostileArchive().fifo("pipe").bytes());
    assertTrue(message.contains("FIFO"), message);
  }

  @Test
  void stopsADecompressionBombAtTheCap() {
    // 64 MiB of zeros compress to about 64 KiB; the cap is 1 MiB.
    byte[] bomb = new HostileArchive().zeros("data/big.in", 64L << 20).bytes();
    assertTrue(bomb.length < 200_000, "the bomb is small: " + bomb.length);
    String message = refused(bomb);
    assertTrue(message.contains("decompression bomb"), message);
  }

  @Test
  void stopsManySmallFilesAtTheEntryCap() {
    HostileArchive many = new HostileArchive();
    for (int i = 0; i < 150; i++) {
      many.file("f" + i, "");
    }
    String message = refused(many.bytes());
    assertTrue(message.contains("more than 100 entries"), message);
  }

  @Test
  void refusesTheSamePathTwice() {
    String message = refused(new HostileArchive().file("a", "1").file("a", "2").bytes());
    assertTrue(message.contains("twice"), message);
  }

  @Test
  void refusesAFileWhereADirectoryMustBe() {
    String message = refused(new HostileArchive().file("a", "1").file("a/b", "2").bytes());
    assertTrue(message.contains("a file where a directory must be"), message);
  }

  @Test
  void aTruncatedArchiveIsCorruptNotAPartialPackage() throws Exception {
    byte[] whole =
        new HostileArchive().file("problem.yaml", "name: P\n").zeros("data/1.in", 300_000).bytes();
    for (int cut : new int[] {5, 40, whole.length / 2, whole.length - 4}) {
      PackageCache.deleteTree(temp.resolve("box"));
      String message = refused(Arrays.copyOf(whole, cut));
      assertTrue(message.startsWith("corrupt or truncated archive"), cut + ": " + message);
    }
  }

  @Test
  void aFlippedByteIsCaughtByTheGzipCheckOrTheDigest() throws Exception {
    byte[] archive = new HostileArchive().file("problem.yaml", "name: P\n").bytes();
    PackageDigest good = unpack(archive).digest();
    byte[] flipped = archive.clone();
    flipped[flipped.length / 2] ^= 0x40;
    PackageCache.deleteTree(temp.resolve("box"));
    try {
      PackageDigest got = unpack(flipped).digest();
      assertFalse(got.equals(good), "a changed byte changes the content or fails the CRC");
    } catch (ArchiveException refused) {
      // Refused is right too, whatever the damaged bytes decoded to (a bad CRC, a garbled header,
      // a path a package may not hold): the point is that it never passes for the package.
      assertNothingOutsideTheBox();
    }
  }

  @Test
  void aFailingSourceIsNotACorruptArchive() {
    byte[] archive = new HostileArchive().zeros("data/1.in", 300_000).bytes();
    InputStream breaking =
        new InputStream() {
          int left = archive.length / 2;
          int at = 0;

          @Override
          public int read() throws IOException {
            if (left-- <= 0) {
              throw new IOException("connection reset");
            }
            return archive[at++] & 0xff;
          }
        };
    assertThrows(
        PackageUnpacker.SourceException.class,
        () -> {
          Files.createDirectories(target.getParent());
          PackageUnpacker.unpack(breaking, target, LIMITS);
        });
  }

  @Test
  void theTargetMustBeNew() throws Exception {
    Files.createDirectories(target);
    assertThrows(
        java.nio.file.FileAlreadyExistsException.class,
        () ->
            PackageUnpacker.unpack(
                new ByteArrayInputStream(new HostileArchive().file("a", "1").bytes()),
                target,
                LIMITS));
    assertFalse(Files.isSymbolicLink(target));
    assertTrue(Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS));
  }
}
