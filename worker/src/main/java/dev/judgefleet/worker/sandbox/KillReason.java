package dev.judgefleet.worker.sandbox;

/** Why the supervisor killed a run, if it did. */
public enum KillReason {
  NONE,
  CPU_TIME,
  WALL_TIME,
  /** Another thread asked for it ({@link Sandbox#requestKill()}). */
  REQUESTED
}
