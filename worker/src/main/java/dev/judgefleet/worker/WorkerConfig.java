package dev.judgefleet.worker;

import dev.judgefleet.worker.sandbox.EngineSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** The worker's configuration: one tree under {@code judge.*}, set in properties or env vars. */
@ConfigMapping(prefix = "judge")
public interface WorkerConfig {

  /** The sandbox engine. */
  Sandbox sandbox();

  /** The language catalog. */
  Languages languages();

  interface Languages {
    /**
     * A YAML file that overrides or extends the built-in languages (see {@code LanguageFile});
     * unset for the built-in catalog alone.
     */
    Optional<Path> file();

    default dev.judgefleet.worker.language.LanguageCatalog catalog() {
      return dev.judgefleet.worker.language.LanguageCatalog.load(file());
    }
  }

  interface Sandbox {
    /** A root-only directory for sandbox mount points, output files and the init binary. */
    @WithDefault("/var/lib/judgefleet")
    Path stateDir();

    /** The uid of slot 0; slot N runs as first-uid + N. Must not be used by anyone else. */
    @WithDefault("60000")
    int firstUid();

    /** The gid of slot 0; slot N runs as first-gid + N. */
    @WithDefault("60000")
    int firstGid();

    /** "auto" (v2 where it has the controllers, else v1), "v2" or "v1". */
    @WithDefault("auto")
    String cgroupVersion();

    /** Fresh run cgroups kept ready, so none is created between two runs. */
    @WithDefault("4")
    int cgroupPoolSize();

    /** A judge-init binary to use instead of the one inside the worker. */
    Optional<Path> initBinary();

    default EngineSettings engineSettings() {
      return new EngineSettings(
          stateDir(), firstUid(), firstGid(), cgroupVersion(), initBinary(), cgroupPoolSize());
    }
  }
}
