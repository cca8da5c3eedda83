package dev.judgefleet.worker.sandbox.plan;

/** Where a step ran: the numbers mirror {@code judge-init.c}'s {@code PHASE_*}. */
public enum StepPhase {
  /** In PID 1, once per sandbox, building the root filesystem. */
  SETUP(1),
  /** In PID 1, before the run's child is forked. */
  PREPARE(2),
  /** In the run's child, between fork and exec. */
  CHILD(3),
  /** In PID 1, after every process of the run is gone. */
  CLEANUP(4),
  /** PID 1's own work between the steps ({@link InitOp}): fork, poll, decoding. */
  INIT(5),
  /** In the worker, on the host side (a cgroup file, the work directory). */
  HOST(0);

  private final int wireCode;

  StepPhase(int wireCode) {
    this.wireCode = wireCode;
  }

  public int wireCode() {
    return wireCode;
  }

  public static StepPhase fromWire(int code) {
    for (StepPhase phase : values()) {
      if (phase.wireCode == code) {
        return phase;
      }
    }
    throw new IllegalArgumentException("unknown step phase " + code);
  }
}
