package dev.judgefleet.worker.cli;

import dev.judgefleet.model.Phase;
import dev.judgefleet.worker.judge.ProgressListener;
import java.io.PrintStream;

/** A one-line progress display on a terminal; silent when stderr is not one. */
final class Progress implements ProgressListener {
  private final PrintStream err;
  private final boolean enabled;
  private boolean shown;

  Progress(PrintStream err, boolean quiet) {
    this.err = err;
    this.enabled = !quiet && System.console() != null;
  }

  @Override
  public void progress(Phase phase, int test, int of) {
    show(phase == Phase.RUNNING ? "running test " + test + "/" + of : phase.name().toLowerCase());
  }

  void show(String text) {
    if (enabled) {
      err.print("\r\033[K" + text);
      err.flush();
      shown = true;
    }
  }

  void clear() {
    if (shown) {
      err.print("\r\033[K");
      err.flush();
      shown = false;
    }
  }
}
