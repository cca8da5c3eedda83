package dev.judgefleet.worker;

import dev.judgefleet.worker.problem.store.FetchPolicy;
import dev.judgefleet.worker.problem.store.StoreSettings;
import dev.judgefleet.worker.problem.store.UnpackLimits;
import dev.judgefleet.worker.sandbox.EngineSettings;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  /** The node's cache of compiled programs. */
  CompileCache compileCache();

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

    /**
     * How often a submission is judged again when its sandbox cannot be set up or fails under a run
     * (an IE that is the node's fault, not the program's), before that IE is published.
     */
    @WithDefault("2")
    int setupRetries();

    /**
     * How long a rejudge waits behind live work for a slot before it goes first: live submissions
     * are judged first, but never starve the rejudges.
     */
    @WithDefault("30s")
    Duration lowLaneMaxWait();

    /**
     * Whether one slot is kept for live submissions when the node has several: a live submission
     * arriving during a rejudge backlog then finds a slot at once. Off, rejudges may fill every
     * slot while no live work waits (more rejudge throughput, live work waits for a rejudge).
     */
    @WithDefault("true")
    boolean liveReserve();

    /** Kafka topics. */
    Topics topics();
  }

  /** The node's cache of compiled programs (a rejudge does not compile again). */
  interface CompileCache {
    /** Whether compiled programs are kept and reused. */
    @WithDefault("true")
    boolean enabled();

    /** Where they are kept; unset: {@code <judge.sandbox.state-dir>/compile-cache}. */
    Optional<Path> dir();

    /** Above this size, least recently used programs are evicted. */
    @WithDefault("2g")
    MemorySize maxSize();
  }

  interface Topics {
    @WithDefault("judge.submissions")
    String submissions();

    /**
     * The low lane: rejudges and practice, in the submissions' format; judged on the slots live
     * submissions leave free.
     */
    @WithDefault("judge.rejudges")
    String rejudges();

    @WithDefault("judge.verdicts")
    String verdicts();

    @WithDefault("judge.progress")
    String progress();

    @WithDefault("judge.submissions.dlq")
    String deadLetters();

    /** The compacted topic a push announces a problem's new current version on. */
    @WithDefault("judge.problems")
    String problems();
  }

  interface Problems {
    /** The directory of problem packages, one directory per problem id (without a store). */
    @WithDefault("examples/problems")
    Path root();

    /** How often a cached package is checked for changes on disk. */
    @WithDefault("10s")
    java.time.Duration refresh();

    /**
     * Whether {@code judge serve} readies every problem it has (under the root, or in the store)
     * before it reports ready (loads it, builds its output validator, derives a missing time
     * limit), so that no submission waits for that; false leaves it to each problem's first
     * submission.
     */
    @WithDefault("true")
    boolean prepare();

    /** The fleet's problem store (S3-compatible); when enabled, {@code root} is not used. */
    Store store();

    /** This node's cache of package versions from the store. */
    Cache cache();
  }

  interface Store {
    /** Take problems from the store (and listen to judge.problems) instead of {@code root}. */
    @WithDefault("false")
    boolean enabled();

    /** The S3 endpoint, e.g. https://minio.example:9000; unset for AWS S3 itself. */
    Optional<URI> endpoint();

    /** The bucket. */
    @WithDefault("judgefleet-problems")
    String bucket();

    /** The region (any value for MinIO, Ceph RGW or s3proxy). */
    @WithDefault("us-east-1")
    String region();

    /** Path-style addressing (https://host/bucket/key), as MinIO, Ceph RGW and s3proxy expect. */
    @WithDefault("true")
    boolean pathStyle();

    /** A key prefix inside the bucket ("" for none). */
    Optional<String> prefix();

    /** The access key; unset for the SDK's default chain (AWS_ACCESS_KEY_ID, web identity ...). */
    Optional<String> accessKey();

    /** The secret key that goes with the access key. */
    Optional<String> secretKey();

    /** A PEM file of the CA certificates to trust for an https endpoint (a private CA). */
    Optional<Path> caFile();

    /** How long to wait for a connection to the store. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long a read from the store may stall. */
    @WithDefault("30s")
    Duration readTimeout();

    /** Retries of a request the store did not answer, before a submission is handed back. */
    @WithDefault("4")
    int retries();

    /** The wait before the first retry; it doubles up to {@code max-backoff}. */
    @WithDefault("500ms")
    Duration backoff();

    /** The longest wait between two retries. */
    @WithDefault("8s")
    Duration maxBackoff();

    /** Downloads of a version that fail verification before it is reported corrupt (IE). */
    @WithDefault("3")
    int downloadAttempts();

    /** How long a problem's index is trusted when no announcement has named its version. */
    @WithDefault("60s")
    Duration indexTtl();

    default StoreSettings settings() {
      return new StoreSettings(
          endpoint(),
          bucket(),
          region(),
          pathStyle(),
          prefix().orElse(""),
          accessKey(),
          secretKey(),
          caFile(),
          connectTimeout(),
          readTimeout());
    }

    default FetchPolicy fetchPolicy() {
      return new FetchPolicy(retries(), backoff(), maxBackoff(), downloadAttempts());
    }
  }

  interface Cache {
    /** Where package versions are unpacked (root-only; keep it on a local disk). */
    @WithDefault("/var/lib/judgefleet/problems")
    Path dir();

    /** Above this size, least recently used versions not in use are evicted. */
    @WithDefault("20g")
    MemorySize maxSize();

    /** The most bytes one package may unpack to (a decompression bomb stops here). */
    @WithDefault("8g")
    MemorySize maxPackageSize();

    /** The most files and directories one package may hold. */
    @WithDefault("2000000")
    int maxPackageEntries();

    default UnpackLimits unpackLimits() {
      return new UnpackLimits(
          maxPackageSize().asLongValue(),
          maxPackageEntries(),
          UnpackLimits.DEFAULTS.maxPathChars());
    }
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

    /**
     * The images {@code judge rootfs pull} brings into the store when named none: skopeo
     * references, comma-separated, each {@code NAME=REF} or a reference alone ({@code
     * docker://registry.example/judgefleet/gcc:1.4}); a pod's init container runs it.
     */
    Optional<List<String>> pull();
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
