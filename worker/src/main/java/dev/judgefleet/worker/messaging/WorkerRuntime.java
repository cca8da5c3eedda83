package dev.judgefleet.worker.messaging;

import dev.judgefleet.model.SubmissionPolicy;
import dev.judgefleet.worker.NodeName;
import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.WorkerVersion;
import dev.judgefleet.worker.judge.CompileCache;
import dev.judgefleet.worker.judge.SlotPool;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.ProblemSource;
import dev.judgefleet.worker.problem.ProblemStore;
import dev.judgefleet.worker.problem.store.StoredProblems;
import dev.judgefleet.worker.sandbox.RunLimits;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunSpec;
import dev.judgefleet.worker.sandbox.RunStatus;
import dev.judgefleet.worker.sandbox.Sandbox;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import dev.judgefleet.worker.sandbox.SandboxSpec;
import dev.judgefleet.worker.service.JudgingService;
import dev.judgefleet.worker.service.JudgingStack;
import dev.judgefleet.worker.service.ProblemPreparation;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The worker's judging side, started on first use (the command line never starts it): the sandbox
 * engine, the judge, the problem store, the slots, and the self-test that gates readiness, as
 * Bazel's sandbox probes itself by running /bin/true once at start.
 */
@ApplicationScoped
public class WorkerRuntime {
  private static final Logger LOG = Logger.getLogger(WorkerRuntime.class);

  @Inject WorkerConfig config;
  @Inject MeterRegistry registry;
  @Inject ChannelRegistry channels;

  /** The first wait before starting again a sandbox that could not start; doubled up to the max. */
  static final Duration FIRST_RETRY = Duration.ofSeconds(5);

  static final Duration MAX_RETRY = Duration.ofMinutes(5);

  private volatile State state;
  private volatile String selfTest = "not run yet";
  private volatile boolean ready;
  private ScheduledExecutorService retries;
  private boolean shutDown;

  /**
   * Everything a judging needs, made once.
   *
   * @param problems where packages come from
   * @param store the fleet's problem store, when packages come from it (announcements go there)
   */
  public record State(
      JudgingStack stack,
      JudgingService service,
      SlotPool slots,
      WorkerMetrics metrics,
      SubmissionPolicy policy,
      String node,
      ProblemSource problems,
      Optional<StoredProblems> store) {}

  public State state() {
    State s = state;
    return s != null ? s : start();
  }

  /**
   * {@code judge serve}: starts the judging side and only then takes submissions. A node whose
   * sandbox cannot start (no writable cgroup, a failing self-test) stays up with readiness down and
   * the reason in /q/health/ready, out of the consumer group so it takes nothing, and tries again
   * with backoff: a kubelet restarting the pod in a loop would tell the operator less.
   *
   * @return whether the worker takes submissions now
   */
  public boolean serve() {
    return serve(FIRST_RETRY);
  }

  private synchronized boolean serve(Duration nextWait) {
    if (shutDown) {
      return false;
    }
    try {
      start();
    } catch (RuntimeException e) {
      ready = false;
      selfTest = "failed: the sandbox engine cannot start: " + e.getMessage();
      LOG.errorf("sandbox self-test %s", selfTest);
    }
    if (ready) {
      // Announcements first: a submission's problem may have just been pushed.
      resume(Channels.PROBLEMS);
      resume(Channels.SUBMISSIONS);
      resume(Channels.REJUDGES);
      return true;
    }
    String reason = selfTest;
    stop();
    selfTest = reason;
    if (retries == null) {
      retries =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "sandbox-start-retry");
                t.setDaemon(true);
                return t;
              });
    }
    Duration after = nextWait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : nextWait;
    LOG.warnf("not taking submissions; starting the sandbox again in %d s", after.toSeconds());
    retries.schedule(() -> serve(after.multipliedBy(2)), after.toMillis(), TimeUnit.MILLISECONDS);
    return false;
  }

  private void resume(String channel) {
    PausableChannel intake = channels.getPausable(channel);
    if (intake != null) {
      intake.resume();
    }
  }

  /** No more start attempts (shutting down). */
  public synchronized void shutdown() {
    shutDown = true;
    if (retries != null) {
      retries.shutdownNow();
    }
  }

  public synchronized State start() {
    if (state != null) {
      return state;
    }
    LanguageCatalog languages = config.catalog();
    JudgingStack stack =
        JudgingStack.open(
            config
                .sandbox()
                .engineSettings()
                .withPinning(config.sandbox().pinCpus(), config.worker().slots()),
            languages,
            config.sandbox().stateDir(),
            compileCache());
    // Images are hashed again before their first use; doing it now keeps that off the first
    // submissions (one waits for it if it comes sooner).
    Thread verify =
        new Thread(() -> languages.all().forEach(languages::available), "verify-images");
    verify.setDaemon(true);
    verify.start();
    Optional<StoredProblems> store = Optional.empty();
    try {
      WorkerConfig.Problems p = config.problems();
      ProblemSource problems;
      if (p.store().enabled()) {
        store =
            Optional.of(
                StoredProblems.connect(
                    p.store().settings(),
                    p.cache().dir(),
                    p.cache().maxSize().asLongValue(),
                    p.cache().unpackLimits(),
                    p.store().fetchPolicy(),
                    p.store().indexTtl()));
        problems = store.get();
      } else {
        problems = new ProblemStore(p.root(), p.refresh());
      }
      state = assemble(stack, languages, problems, store);
    } catch (RuntimeException e) {
      // A worker that tries again must not keep this attempt's engine (its cgroups, its inits).
      stack.close();
      store.ifPresent(StoredProblems::close);
      throw e;
    }
    selfTest(stack.engine(), state.slots().size());
    return state;
  }

  private State assemble(
      JudgingStack stack,
      LanguageCatalog languages,
      ProblemSource problems,
      Optional<StoredProblems> store) {
    String node = config.worker().node().orElseGet(NodeName::get);
    JudgingService service =
        stack.service(problems, node, WorkerVersion.get(), config.worker().setupRetries());
    SlotPool slots =
        new SlotPool(
            config.worker().slots(),
            config.worker().lowLaneMaxWait(),
            config.worker().liveReserve(),
            System::nanoTime);
    if (config.problems().prepare()) {
      // Before any submission (they wait for start()), on the uid no slot uses.
      new ProblemPreparation(service, slots.size()).prepareAll(problems);
    }
    // The gauge is registered once and outlives a stopped engine: it reads the current slots.
    WorkerMetrics metrics = new WorkerMetrics(registry, this::busySlots, slots.size());
    stack.compileCache().ifPresent(metrics::compileCache);
    return new State(stack, service, slots, metrics, policy(languages), node, problems, store);
  }

  private int busySlots() {
    State s = state;
    return s == null ? 0 : s.slots().busy();
  }

  /** The node's compiled programs ({@code judge.compile-cache.*}), unless turned off. */
  private Optional<CompileCache> compileCache() {
    WorkerConfig.CompileCache c = config.compileCache();
    if (!c.enabled()) {
      return Optional.empty();
    }
    Path dir = c.dir().orElseGet(() -> config.sandbox().stateDir().resolve("compile-cache"));
    CompileCache cache = new CompileCache(dir, c.maxSize().asLongValue());
    LOG.infof(
        "compile cache in %s: %d programs, %d bytes (cap %d)",
        dir, cache.entries(), cache.bytes(), c.maxSize().asLongValue());
    return Optional.of(cache);
  }

  /** The worker's policy: its configured limits, and the languages its catalog knows. */
  private SubmissionPolicy policy(LanguageCatalog languages) {
    WorkerConfig.Policy c = config.policy();
    return new SubmissionPolicy(
        new TreeSet<>(languages.all().stream().map(Language::id).toList()),
        c.maxMessage().asLongValue(),
        c.maxSource().asLongValue(),
        SubmissionPolicy.DEFAULT_MAX_SOURCE_FILES,
        c.maxTime().toMillis(),
        c.maxMemory().asLongValue(),
        c.maxOutput().asLongValue(),
        c.maxInlineTests(),
        SubmissionPolicy.DEFAULT_MAX_INLINE_TEST_BYTES);
  }

  /** Runs /bin/true in a fresh sandbox (on a uid no slot uses): the node can judge, or not. */
  private void selfTest(SandboxEngine engine, int spareSlot) {
    try (Sandbox box = engine.open(SandboxSpec.forSlot(spareSlot))) {
      RunResult r = box.run(RunSpec.of(List.of("/bin/true"), RunLimits.defaults()));
      ready = r.status() == RunStatus.OK;
      selfTest =
          ready
              ? "passed: cgroup "
                  + engine.cgroupVersion()
                  + ", sandbox "
                  + r.setupTime().toMillis()
                  + " ms to exec"
              : "failed: " + r.summary();
    } catch (RuntimeException e) {
      ready = false;
      selfTest = "failed: " + e.getMessage();
    }
    if (ready) {
      LOG.infof("sandbox self-test %s", selfTest);
    } else {
      LOG.errorf("sandbox self-test %s", selfTest);
    }
  }

  /** The judging side if it runs, without starting it. */
  public Optional<State> current() {
    return Optional.ofNullable(state);
  }

  public boolean started() {
    return state != null;
  }

  public boolean ready() {
    return ready;
  }

  public String selfTest() {
    return selfTest;
  }

  /** Ends the engine (its sandboxes' inits, its cgroups); called once judging has drained. */
  public synchronized void stop() {
    if (state != null) {
      state.stack().close();
      state.store().ifPresent(StoredProblems::close);
      state = null;
      ready = false;
    }
  }
}
