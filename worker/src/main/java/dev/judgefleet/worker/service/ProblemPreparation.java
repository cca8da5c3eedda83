package dev.judgefleet.worker.service;

import dev.judgefleet.worker.judge.ValidatorBuildException;
import dev.judgefleet.worker.problem.ProblemException;
import dev.judgefleet.worker.problem.ProblemSource;
import dev.judgefleet.worker.problem.ProblemsUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Readies every stored problem before the worker reports ready, one after another on a uid no slot
 * uses: the first submission of a problem then waits for neither its validator's compile nor the
 * derivation of its time limit. A broken package is logged and left for its submissions to report
 * (as {@code IE}); it does not keep the worker from starting.
 */
public final class ProblemPreparation {
  private static final Logger LOG = Logger.getLogger(ProblemPreparation.class);

  private final JudgingService service;
  private final int slot;

  public ProblemPreparation(JudgingService service, int slot) {
    this.service = service;
    this.slot = slot;
  }

  /** Prepares each problem {@code source} has; returns how many are ready. */
  public int prepareAll(ProblemSource source) {
    List<String> problemIds;
    try {
      problemIds = source.ids();
    } catch (RuntimeException e) {
      LOG.warnf("problems not prepared: cannot list those %s: %s", source.where(), e.getMessage());
      return 0;
    }
    int ready = 0;
    for (String id : problemIds) {
      long start = System.nanoTime();
      try {
        Duration limit = service.prepare(id, slot);
        ready++;
        LOG.infof(
            "problem %s ready: time limit %s s, in %d ms",
            id,
            String.format(Locale.ROOT, "%.3f", limit.toNanos() / 1e9),
            (System.nanoTime() - start) / 1_000_000);
      } catch (ProblemException | ValidatorBuildException | ProblemsUnavailableException e) {
        LOG.warnf("problem %s not prepared: %s", id, e.getMessage());
      } catch (RuntimeException e) {
        LOG.errorf(e, "problem %s not prepared", id);
      }
    }
    return ready;
  }
}
