package dev.judgefleet.worker.judge;

import java.util.Locale;

/**
 * Which queue a submission came from. Live contest work is judged first; rejudges and practice take
 * the slots live work leaves free (see {@link SlotPool}).
 */
public enum Lane {
  /** A live contest submission (judge.submissions). */
  LIVE,
  /** A rejudge or a practice submission (judge.rejudges). */
  REJUDGE;

  /** The lane's name on the command line and in logs: {@code live}, {@code rejudge}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The lane a command line names.
   *
   * @throws IllegalArgumentException for anything but {@code live} or {@code rejudge}
   */
  public static Lane parse(String text) {
    for (Lane lane : values()) {
      if (lane.label().equalsIgnoreCase(text.trim())) {
        return lane;
      }
    }
    throw new IllegalArgumentException("unknown lane '" + text + "': use live or rejudge");
  }
}
