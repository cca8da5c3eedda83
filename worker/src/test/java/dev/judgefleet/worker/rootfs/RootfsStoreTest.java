package dev.judgefleet.worker.rootfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsStoreTest {
  @TempDir Path temp;

  /** Builds a small tree in the store's scratch space and installs it as {@code name}. */
  static StoredImage install(RootfsStore store, String name, String content) throws IOException {
    Path tree = Trees.small(store.newWorkDir(name).resolve("tree"), content);
    TreeScan scan = TreeScan.of(tree);
    ImageInfo info =
        new ImageInfo(
            name,
            scan.digest(),
            "trixie",
            1,
            scan.bytes(),
            scan.entries().size(),
            List.of("libc6=2.41"),
            Map.of());
    return store.install(tree, scan, info);
  }

  @Test
  void anInstalledImageIsNamedByItsDigestAndSound() throws IOException {
    RootfsStore store = new RootfsStore(temp.resolve("rootfs"));
    StoredImage image = install(store, "gcc", "x");
    assertEquals(store.dir().resolve("sha256-" + image.info().hex()), image.root());
    assertTrue(image.problem().isEmpty());
    assertEquals(image.root(), image.verifiedRoot());
    assertEquals(List.of("gcc"), store.names());
    assertEquals(image.digest(), store.image("gcc").orElseThrow().digest());
    assertTrue(store.image("python3").isEmpty());
    assertFalse(Files.exists(temp.resolve("rootfs/tmp").resolve("gcc")), "no scratch left");
  }

  @Test
  void aCorruptedImageIsNeverUsedAndTheErrorNamesTheFile() throws IOException {
    RootfsStore store = new RootfsStore(temp.resolve("rootfs"));
    StoredImage image = install(store, "gcc", "x");
    Files.writeString(image.root().resolve("usr/bin/tool"), "#!/bin/sh\necho evil\n");

    StoredImage fresh = store.image("gcc").orElseThrow();
    String problem = fresh.problem().orElseThrow();
    assertTrue(problem.contains("image gcc (" + image.digest() + ") is corrupted"), problem);
    assertTrue(problem.contains("/usr/bin/tool differs"), problem);
    RootfsException e = assertThrows(RootfsException.class, fresh::verifiedRoot);
    assertEquals(problem, e.getMessage());

    // A rebuild of the same content replaces the broken tree.
    StoredImage rebuilt = install(store, "gcc", "x");
    assertEquals(image.digest(), rebuilt.digest());
    assertTrue(rebuilt.problem().isEmpty(), () -> rebuilt.problem().get());
  }

  @Test
  void aPartialImageWhoseTreeIsGoneIsReportedSo() throws IOException {
    RootfsStore store = new RootfsStore(temp.resolve("rootfs"));
    StoredImage image = install(store, "gcc", "x");
    RootfsStore.deleteTree(image.root());
    String problem = store.image("gcc").orElseThrow().problem().orElseThrow();
    assertTrue(problem.contains("is missing (a partial or removed image; rebuild)"), problem);
  }

  @Test
  void anUnreadablePointerIsAClearError() throws IOException {
    RootfsStore store = new RootfsStore(temp.resolve("rootfs"));
    Files.createDirectories(store.dir().resolve("images"));
    Files.writeString(store.dir().resolve("images/gcc.json"), "{\"name\": \"gcc\", \"digest\": 1");
    RootfsException e = assertThrows(RootfsException.class, () -> store.image("gcc"));
    assertTrue(e.getMessage().startsWith("image gcc: "), e.getMessage());
  }
}
