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

  /** The Kafka worker ({@code judge serve}). */
  Worker worker();

  /** Where problem packages come from. */
  Problems problems();

  /** The worker's limits on what a submission may ask for. */
  Policy policy();

  interface Worker {
    /**
     * Submissions judged at once: one sandbox slot each (default: the CPUs; set by {@code
     * WorkerDefaults}). Tests of one submission run one after another.
     */
    int slots();

    /** This node's name in {@code judgedBy} (default: the host name, or NODE_NAME). */
    Optional<String> node();

    /**
     * On SIGTERM: how long in-flight submissions may take to finish; the rest are handed back (not
     * committed, not dead-lettered) and judged again elsewhere.
     */
    @WithDefault("30s")
    java.time.Duration shutdownGrace();

    /** How often a submission is retried when its sandbox cannot be set up, before it is IE. */
    @WithDefault("2")
    int setupRetries();

    /** Kafka topics. */
    Topics topics();
  }

  interface Topics {
    @WithDefault("judge.submissions")
    String submissions();

    @WithDefault("judge.verdicts")
    String verdicts();

    @WithDefault("judge.progress")
    String progress();

    @WithDefault("judge.submissions.dlq")
    String deadLetters();
  }

  interface Problems {
    /** The directory of problem packages, one directory per problem id. */
    @WithDefault("examples/problems")
    Path root();

    /** How often a cached package is checked for changes on disk. */
    @WithDefault("10s")
    java.time.Duration refresh();
  }

  interface Policy {
    /** The largest submission message accepted (bigger ones go to the dead-letter topic). */
    @WithDefault("8m")
    io.quarkus.runtime.configuration.MemorySize maxMessage();

    /** The largest source (all files together). */
    @WithDefault("1m")
    io.quarkus.runtime.configuration.MemorySize maxSource();

    /** The largest time limit a submission may ask for. */
    @WithDefault("60s")
    java.time.Duration maxTime();

    /** The largest memory limit a submission may ask for. */
    @WithDefault("4g")
    io.quarkus.runtime.configuration.MemorySize maxMemory();

    /** The largest output limit a submission may ask for. */
    @WithDefault("1g")
    io.quarkus.runtime.configuration.MemorySize maxOutput();

    /** The most inline tests a submission may carry. */
    @WithDefault("32")
    int maxInlineTests();
  }

  interface Languages {
    /**
     * The directory of the language recipes ({@code rootfs-images}); unset: {@code rootfs-images}
     * in the working directory or its parent ({@code bin/judge} sets it).
     */
    Optional<Path> recipes();

    /**
     * A YAML file that overrides or extends the recipes' languages (see {@code LanguageFile});
     * unset for the recipes alone.
     */
    Optional<Path> file();

    /**
     * Where languages run: {@code auto} (a language's image from the node's store when it has one,
     * else the host's binds), {@code image} (images only: a language without one is missing) or
     * {@code host} (the host's binds only).
     */
    @WithDefault("auto")
    String rootfs();

    /**
     * The store of root filesystem images; unset: {@code <judge.sandbox.state-dir>/rootfs}, where
     * {@code judge rootfs build} puts them.
     */
    Optional<Path> store();
  }

  /** The node's store of root filesystem images. */
  default dev.judgefleet.worker.rootfs.RootfsStore rootfsStore() {
    return languages()
        .store()
        .map(dev.judgefleet.worker.rootfs.RootfsStore::new)
        .orElseGet(() -> dev.judgefleet.worker.rootfs.RootfsStore.under(sandbox().stateDir()));
  }

  /** The language catalog, each language placed in its image or on the host. */
  default dev.judgefleet.worker.language.LanguageCatalog catalog() {
    return dev.judgefleet.worker.language.LanguageCatalog.load(
        languages().recipes(),
        languages().file(),
        dev.judgefleet.worker.language.RootfsMode.parse(languages().rootfs()),
        rootfsStore());
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

    /**
     * "auto": each slot's sandboxes on a CPU of their own when the slots fit the CPUs the worker
     * may use (the worker's default, for timings that do not depend on the neighbours); "off": the
     * scheduler places them (the command line's default).
     */
    @WithDefault("off")
    String pinCpus();

    default EngineSettings engineSettings() {
      return new EngineSettings(
          stateDir(),
          firstUid(),
          firstGid(),
          cgroupVersion(),
          initBinary(),
          cgroupPoolSize(),
          pinCpus(),
          1);
    }
  }
}
