package dev.judgefleet.worker.service;

import dev.judgefleet.worker.judge.CompileCache;
import dev.judgefleet.worker.judge.DerivedTimeLimits;
import dev.judgefleet.worker.judge.Judge;
import dev.judgefleet.worker.judge.TimeLimitInference;
import dev.judgefleet.worker.judge.ValidatorCache;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.ProblemSource;
import dev.judgefleet.worker.sandbox.EngineSettings;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one assembly of what judges: the sandbox engine, the language catalog, the judge with its
 * validator cache, and the time-limit rule. {@code judge serve}, {@code judge judge} and {@code
 * judge verify} all open it; closing it ends the judge's validators, then the engine.
 */
public final class JudgingStack implements AutoCloseable {
  private final SandboxEngine engine;
  private final LanguageCatalog languages;
  private final Judge judge;
  private final TimeLimits timeLimits;
  private final Optional<CompileCache> compileCache;

  private JudgingStack(
      SandboxEngine engine,
      LanguageCatalog languages,
      Path stateDir,
      Optional<CompileCache> compileCache) {
    this.engine = engine;
    this.languages = languages;
    this.compileCache = compileCache;
    this.judge = new Judge(engine, new ValidatorCache(engine, languages), compileCache);
    this.timeLimits =
        new TimeLimits(
            new DerivedTimeLimits(stateDir),
            (problem, slot) ->
                TimeLimitInference.infer(judge, problem, languages, slot).timeLimit());
  }

  /**
   * Starts the engine and builds the rest on it.
   *
   * @param stateDir where derived time limits are remembered (beside the engine's state)
   */
  public static JudgingStack open(
      EngineSettings settings, LanguageCatalog languages, Path stateDir) {
    return open(settings, languages, stateDir, Optional.empty());
  }

  /**
   * As {@link #open(EngineSettings, LanguageCatalog, Path)}, compiled programs kept in and taken
   * from {@code compileCache} (the worker's; the command line compiles every time).
   */
  public static JudgingStack open(
      EngineSettings settings,
      LanguageCatalog languages,
      Path stateDir,
      Optional<CompileCache> compileCache) {
    SandboxEngine engine = SandboxEngine.start(settings);
    try {
      return new JudgingStack(engine, languages, stateDir, compileCache);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /** The judging service on this stack, answering for the problems {@code problems} has. */
  public JudgingService service(
      ProblemSource problems, String node, String version, int setupRetries) {
    return new JudgingService(judge, languages, problems, timeLimits, node, version, setupRetries);
  }

  public SandboxEngine engine() {
    return engine;
  }

  public LanguageCatalog languages() {
    return languages;
  }

  public Judge judge() {
    return judge;
  }

  /** The node's compiled programs, when it keeps them. */
  public Optional<CompileCache> compileCache() {
    return compileCache;
  }

  public TimeLimits timeLimits() {
    return timeLimits;
  }

  @Override
  public void close() {
    try {
      judge.close();
    } finally {
      engine.close();
    }
  }
}
