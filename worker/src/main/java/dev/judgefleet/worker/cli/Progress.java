package dev.judgefleet.worker.cli;

import dev.judgefleet.model.Phase;
import dev.judgefleet.worker.judge.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress display on a terminal; silent when stderr is not one. Judging threads and the
 * command's own thread may write it at once, so each line is drawn whole.
 */
final class Progress implements ProgressListener {
  private final PrintStream err;
  private final boolean enabled;
  private boolean shown;

  Progress(PrintStream err, boolean quiet) {
    this.err = err;
    this.enabled = !quiet && System.console() != null;
  }

  /** {@code running test 3/10} while a test runs (test 0 is none yet), else the phase. */
  @Override
  public void progress(Phase phase, int test, int of) {
    show(
        phase == Phase.RUNNING && test > 0
            ? "running test " + test + "/" + of
            : phase.name().toLowerCase(Locale.ROOT));
  }

  synchronized void show(String text) {
    if (enabled) {
      err.print("\r\033[K" + text);
      err.flush();
      shown = true;
    }
  }

  synchronized void clear() {
    if (shown) {
      err.print("\r\033[K");
      err.flush();
      shown = false;
    }
  }
}
