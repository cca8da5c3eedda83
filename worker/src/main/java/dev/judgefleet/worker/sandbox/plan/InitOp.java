package dev.judgefleet.worker.sandbox.plan;

/**
 * PID 1's own operations between the steps: a failure of one is reported with the phase {@link
 * StepPhase#INIT} and this code in place of a step index. The numbers mirror {@code judge-init.c}'s
 * {@code enum init_op}. Any of them failing ends the run with no exit report, and the sandbox with
 * it: its cleanup steps did not run.
 */
public enum InitOp {
  DECODE(1, "decoding the worker's message"),
  SOCKETPAIR(2, "socketpair(AF_UNIX, SOCK_SEQPACKET) for the child's report"),
  FORK(3, "fork() of the run's child"),
  PIDFD_OPEN(4, "pidfd_open(the run's child)"),
  POLL(5, "poll() while the run lived");

  private final int wireCode;
  private final String call;

  InitOp(int wireCode, String call) {
    this.wireCode = wireCode;
    this.call = call;
  }

  public int wireCode() {
    return wireCode;
  }

  /** What the init was doing, as an error message names it. */
  public String call() {
    return call;
  }

  /** The operation of a wire code; an unknown code is named as such. */
  public static String describe(int code) {
    for (InitOp op : values()) {
      if (op.wireCode == code) {
        return op.call;
      }
    }
    return "init operation " + code;
  }
}
