package dev.judgefleet.worker.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.worker.judge.ProgramBuilder;
import dev.judgefleet.worker.rootfs.ImageInfo;
import dev.judgefleet.worker.rootfs.RootfsStore;
import dev.judgefleet.worker.rootfs.StoredImage;
import dev.judgefleet.worker.rootfs.TreeScan;
import dev.judgefleet.worker.sandbox.SandboxSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each language runs: its stored image, or the host; a broken image is never used. */
class CatalogPlacementTest {
  @TempDir Path temp;

  private StoredImage installGcc(RootfsStore store) throws IOException {
    Path tree = store.newWorkDir("gcc").resolve("tree");
    for (String dir : List.of("dev", "proc", "tmp", "box", "problem", "usr/bin")) {
      Files.createDirectories(tree.resolve(dir));
    }
    Files.writeString(tree.resolve("usr/bin/gcc"), "not really gcc");
    TreeScan scan = TreeScan.of(tree);
    return store.install(
        tree,
        scan,
        new ImageInfo(
            "gcc",
            scan.digest(),
            "trixie",
            1,
            scan.bytes(),
            scan.entries().size(),
            List.of(),
            Map.of("c", "gcc 14")));
  }

  @Test
  void imageModeUsesStoredImagesAndReportsTheOthersMissing() throws IOException {
    RootfsStore store = new RootfsStore(temp.resolve("rootfs"));
    StoredImage gcc = installGcc(store);
    LanguageCatalog catalog = LanguageCatalog.builtIn().placed(RootfsMode.IMAGE, store);

    Language c = catalog.find("c").orElseThrow();
    assertTrue(catalog.available(c));
    assertEquals(gcc.digest(), c.rootfs().orElseThrow().digest());
    SandboxSpec spec = ProgramBuilder.sandboxFor(c, 3);
    assertEquals(Optional.of(gcc.root()), spec.rootfs());
    assertEquals(List.of(), spec.binds(), "nothing of the host is bound into an image");

    Language python = catalog.find("python3").orElseThrow();
    assertFalse(catalog.available(python));
    assertEquals(
        "its image 'python3' is not in this node's store (bin/judge rootfs build python3)",
        catalog.missing(python).orElseThrow());
  }

  @Test
  void aCorruptedImageMakesItsLanguagesMissingAndNothingElse() throws IOException {
    RootfsStore store = new RootfsStore(temp.resolve("rootfs"));
    StoredImage gcc = installGcc(store);
    Files.writeString(gcc.root().resolve("usr/bin/gcc"), "tampered");
    LanguageCatalog catalog = LanguageCatalog.builtIn().placed(RootfsMode.AUTO, store);

    for (String id : List.of("c", "cpp")) {
      String missing = catalog.missing(catalog.find(id).orElseThrow()).orElseThrow();
      assertTrue(missing.contains("is corrupted: /usr/bin/gcc differs"), missing);
    }
    // Auto mode: a language without an image runs with the host's binds, unaffected.
    Language python = catalog.find("python3").orElseThrow();
    assertTrue(python.rootfs().isEmpty());
    assertEquals(SandboxSpec.forSlot(2).binds(), ProgramBuilder.sandboxFor(python, 2).binds());
  }

  @Test
  void hostModeIgnoresTheStore() throws IOException {
    RootfsStore store = new RootfsStore(temp.resolve("rootfs"));
    installGcc(store);
    LanguageCatalog catalog = LanguageCatalog.builtIn().placed(RootfsMode.HOST, store);
    assertTrue(catalog.find("c").orElseThrow().rootfs().isEmpty());
  }
}
