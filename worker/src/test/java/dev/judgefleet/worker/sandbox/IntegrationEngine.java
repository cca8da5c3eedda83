package dev.judgefleet.worker.sandbox;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.language.RootfsMode;
import dev.judgefleet.worker.rootfs.RootfsStore;
import java.nio.file.Path;
import java.util.Optional;

/** The engine the integration tests share: root required, state under target/. */
public final class IntegrationEngine {
  public static final int POOL_SIZE = 4;

  private IntegrationEngine() {}

  /**
   * With {@code -Djudge.it.rootfs=STORE} (a store that {@code judge rootfs build} filled), the
   * integration tests run in root filesystem images instead of the host's binds: the sandbox tests
   * in the C image ({@code gcc}), each language in its own.
   */
  public static final String ROOTFS_PROPERTY = "judge.it.rootfs";

  public static Path stateDir() {
    return Path.of("target", "it-state").toAbsolutePath();
  }

  /** The image store the tests run in, if one is given. */
  public static Optional<RootfsStore> imageStore() {
    String dir = System.getProperty(ROOTFS_PROPERTY, "");
    return dir.isBlank() ? Optional.empty() : Optional.of(new RootfsStore(Path.of(dir)));
  }

  /** The languages, in their images when a store is given, else with the host's binds. */
  public static LanguageCatalog catalog() {
    LanguageCatalog builtIn = LanguageCatalog.builtIn();
    return imageStore().map(s -> builtIn.placed(RootfsMode.IMAGE, s)).orElse(builtIn);
  }

  /** A sandbox of the C toolchain: the host's binds, or the image of language c. */
  public static SandboxSpec spec(int slot) {
    Optional<RootfsStore> store = imageStore();
    if (store.isEmpty()) {
      return SandboxSpec.forSlot(slot);
    }
    String image = LanguageCatalog.builtIn().find("c").orElseThrow().image();
    Path root =
        store
            .get()
            .image(image)
            .orElseThrow(() -> new IllegalStateException("no image " + image + " in the store"))
            .verifiedRoot();
    return SandboxSpec.inImage(slot, root);
  }

  public static SandboxEngine start() {
    return SandboxEngine.start(settings());
  }

  /** The integration tests' settings: state under target/, no CPU pinning. */
  public static EngineSettings settings() {
    assumeTrue(new UnixSystem().getUid() == 0, "sandbox integration tests need root");
    return new EngineSettings(
        stateDir(), Leftovers.FIRST_UID, Leftovers.FIRST_UID, "auto", Optional.empty(), POOL_SIZE);
  }
}
