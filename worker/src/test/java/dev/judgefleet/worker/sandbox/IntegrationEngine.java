package dev.judgefleet.worker.sandbox;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import java.nio.file.Path;
import java.util.Optional;

/** The engine the integration tests share: root required, state under target/. */
public final class IntegrationEngine {
  public static final int POOL_SIZE = 4;

  private IntegrationEngine() {}

  public static Path stateDir() {
    return Path.of("target", "it-state").toAbsolutePath();
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
