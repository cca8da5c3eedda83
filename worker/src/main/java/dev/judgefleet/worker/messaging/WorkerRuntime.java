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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
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

  private volatile State state;
  private volatile String selfTest = "not run yet";
  private volatile boolean ready;

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
    String node = config.worker().node().orElseGet(NodeName::get);
    Optional<StoredProblems> store = Optional.empty();
    ProblemSource problems;
    WorkerConfig.Problems p = config.problems();
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
    WorkerMetrics metrics = new WorkerMetrics(registry, slots::busy, slots.size());
    stack.compileCache().ifPresent(metrics::compileCache);
    state = new State(stack, service, slots, metrics, policy(languages), node, problems, store);
    selfTest(stack.engine(), slots.size());
    return state;
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
