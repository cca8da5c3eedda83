package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.sandbox.RunStatus;

/** The one mapper from how a submission's run ended to the verdict of its test. */
final class RunVerdicts {
  private RunVerdicts() {}

  /** The verdict of a run that did not end OK; an OK run needs its output checked first. */
  static Verdict of(RunStatus status) {
    return switch (status) {
      case OK -> Verdict.AC;
      case TLE -> Verdict.TLE;
      case MLE -> Verdict.MLE;
      case OLE -> Verdict.OLE;
      case RE -> Verdict.RE;
      case SV -> Verdict.SV;
      case IE -> Verdict.IE;
    };
  }
}
