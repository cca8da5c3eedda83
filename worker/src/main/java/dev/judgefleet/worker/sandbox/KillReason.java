package dev.judgefleet.worker.sandbox;

/** Why the supervisor killed a run, if it did. */
public enum KillReason {
  NONE,
  CPU_TIME,
  WALL_TIME,
  /** A standard stream went past the output limit. */
  OUTPUT,
  /** Another thread asked for it ({@link Sandbox#requestKill()}). */
  REQUESTED
}
