package dev.judgefleet.worker.cli.chaos;

/** The faults {@code judge chaos} injects into a running fleet. */
public enum Fault {
  /** SIGKILL a random worker; {@code bin/judge up} starts it again. */
  KILL_WORKER,
  /** SIGTERM a random broker (a clean shutdown); {@code bin/judge up} starts it again. */
  RESTART_BROKER,
  /** SIGSTOP a random worker past its session timeout, then SIGCONT: a stale worker. */
  STOP_WORKER
}
