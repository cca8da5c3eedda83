package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.problem.ProblemPackage;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Built output validators, one per package version: a validator is compiled once, not once per
 * submission. A validator that fails to build is remembered too, so a broken package costs one
 * compile, not one per submission.
 */
public final class ValidatorCache {
  private final SandboxEngine engine;
  private final LanguageCatalog languages;
  private final Map<String, Object> built = new ConcurrentHashMap<>();

  /**
   * @param languages where a validator's language (C, C++, Python) runs: in its image, or with the
   *     host's binds
   */
  public ValidatorCache(SandboxEngine engine, LanguageCatalog languages) {
    this.engine = engine;
    this.languages = languages;
  }

  /**
   * The problem's validator, built on first use.
   *
   * @throws ValidatorBuildException if it does not build
   */
  public ValidatorProgram get(ProblemPackage problem, int slot) {
    String key = problem.id() + "@" + problem.contentVersion();
    Object entry =
        built.computeIfAbsent(
            key,
            k -> {
              try {
                return ValidatorBuilder.build(engine, languages, problem, slot);
              } catch (ValidatorBuildException e) {
                return e;
              }
            });
    if (entry instanceof ValidatorBuildException e) {
      throw new ValidatorBuildException(e.getMessage());
    }
    return (ValidatorProgram) entry;
  }
}
