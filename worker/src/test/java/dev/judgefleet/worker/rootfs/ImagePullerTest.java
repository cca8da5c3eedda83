package dev.judgefleet.worker.rootfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePullerTest {
  @TempDir Path temp;

  @Test
  void aReferenceIsNamedByItsRepositoryOrItsLayoutTag() {
    assertEquals(
        new ImagePuller.Source("gcc", "docker://registry.example/judgefleet/gcc:1.4"),
        ImagePuller.Source.parse("docker://registry.example/judgefleet/gcc:1.4"));
    assertEquals(
        "gcc",
        ImagePuller.Source.parse(
                "docker://registry.example:5000/judgefleet/gcc@sha256:" + "a".repeat(64))
            .name());
    assertEquals("python3", ImagePuller.Source.parse("docker://registry/python3").name());
    assertEquals("jvm", ImagePuller.Source.parse("oci:/srv/layout:jvm").name());
    assertEquals(
        new ImagePuller.Source("c", "docker://registry/judgefleet/gcc:1"),
        ImagePuller.Source.parse(" c=docker://registry/judgefleet/gcc:1 "));
  }

  @Test
  void aReferenceThatNamesNoImageIsAClearError() {
    RootfsException noTransport =
        assertThrows(RootfsException.class, () -> ImagePuller.Source.parse("gcc"));
    assertTrue(noTransport.getMessage().contains("not an image reference: gcc"));
    RootfsException noTag =
        assertThrows(RootfsException.class, () -> ImagePuller.Source.parse("oci:/srv/layout"));
    assertTrue(noTag.getMessage().contains("needs a tag"), noTag.getMessage());
    assertThrows(RootfsException.class, () -> ImagePuller.Source.parse("../x=oci:/l:x"));
  }

  @Test
  void aConfigWithoutTheDigestLabelIsNotALanguageImage() throws IOException {
    RootfsException e =
        assertThrows(
            RootfsException.class,
            () ->
                ImagePuller.labelledDigest(
                    ImagePuller.Source.parse("docker://registry/debian:12"),
                    new ObjectMapper().readTree("{\"config\":{\"Labels\":{}}}")));
    assertTrue(e.getMessage().contains("not a judgefleet language image"), e.getMessage());
  }

  /**
   * The whole path with the real tools, from an OCI layout (skopeo's {@code oci:} transport, as a
   * registry would be read): fetched once, found the second time, fetched again when the stored
   * tree no longer hashes to its digest.
   */
  @Test
  void anImageIsFetchedOnceVerifiedAndFetchedAgainWhenItsTreeWasDamaged() throws Exception {
    assumeTrue(new UnixSystem().getUid() == 0, "umoci unpacks owners as root");
    assumeTrue(onPath("skopeo") && onPath("umoci"), "skopeo and umoci (Debian packages)");
    Path tree = Trees.small(temp.resolve("tree"), "gcc");
    TreeScan scan = TreeScan.of(tree);
    OciLayout layout = new OciLayout(temp.resolve("registry"));
    layout.tag(
        "gcc",
        List.of(LayerWriter.full(tree, scan, 1, layout.blobs())),
        scan.digest(),
        List.of("c"),
        1);
    RootfsStore store = new RootfsStore(temp.resolve("node"));
    ImagePuller puller = new ImagePuller(store);
    ImagePuller.Source source =
        ImagePuller.Source.parse("oci:" + temp.resolve("registry") + ":gcc");

    ImagePuller.Pulled first = puller.pull(source);
    assertTrue(first.fetched());
    assertEquals(scan.digest(), first.image().digest());
    assertEquals("gcc\n", Files.readString(first.image().verifiedRoot().resolve("etc/name")));

    ImagePuller.Pulled second = puller.pull(source);
    assertFalse(second.fetched(), "the store holds it at that digest");

    Files.writeString(second.image().root().resolve("etc/name"), "tampered\n");
    ImagePuller.Pulled third = puller.pull(source);
    assertTrue(third.fetched(), "a damaged tree is fetched again");
    assertEquals("gcc\n", Files.readString(third.image().verifiedRoot().resolve("etc/name")));

    RootfsException missing =
        assertThrows(
            RootfsException.class,
            () ->
                puller.pull(ImagePuller.Source.parse("oci:" + temp.resolve("registry") + ":jvm")));
    assertTrue(missing.getMessage().contains("skopeo exited"), missing.getMessage());
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
