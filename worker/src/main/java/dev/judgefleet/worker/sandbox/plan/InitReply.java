package dev.judgefleet.worker.sandbox.plan;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A message from the init, decoded from {@code judge-init.c}'s reply structs. */
public sealed interface InitReply {
  int REPLY_READY = 1;
  int REPLY_FAILED = 2;
  int REPLY_STARTED = 3;
  int REPLY_EXITED = 4;

  /** An exit report's size on the wire ({@code EXIT_REPORT_BYTES} in the init). */
  int EXIT_REPORT_BYTES = 64;

  /** Setup done: the sandbox is ready for runs. */
  record Ready() implements InitReply {}

  /**
   * A step failed.
   *
   * @param stepIndex index in the phase's list, or -1 for the init's own bookkeeping (fork)
   */
  record Failed(StepPhase phase, int stepIndex, int errno) implements InitReply {}

  /** The program was exec'd at {@code execNanos} (CLOCK_MONOTONIC, as System.nanoTime). */
  record Started(long execNanos, long preExecCpuNanos) implements InitReply {}

  /**
   * The run is over, every process of it reaped, and the cleanup steps done.
   *
   * @param siCode CLD_EXITED (1), CLD_KILLED (2) or CLD_DUMPED (3); 0 if it never ran
   * @param siStatus the exit code or the signal
   * @param violationNr the forbidden system call, or -1
   * @param violationArch its AUDIT_ARCH_* value
   * @param cleanupFailedIndex the failed cleanup step, or -1
   */
  record Exited(
      int siCode,
      int siStatus,
      int violationNr,
      int violationArch,
      int cleanupFailedIndex,
      int cleanupErrno,
      long exitNanos,
      long userMicros,
      long systemMicros,
      long maxRssKib)
      implements InitReply {
    public static final int CLD_EXITED = 1;
    public static final int CLD_KILLED = 2;
    public static final int CLD_DUMPED = 3;

    public Integer exitCode() {
      return siCode == CLD_EXITED ? siStatus : null;
    }

    public Integer signal() {
      return siCode == CLD_KILLED || siCode == CLD_DUMPED ? siStatus : null;
    }
  }

  static InitReply parse(byte[] message) {
    ByteBuffer b = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
    if (message.length < 4) {
      throw new IllegalArgumentException("init reply of " + message.length + " bytes");
    }
    int type = b.getInt(0);
    return switch (type) {
      case REPLY_READY -> new Ready();
      case REPLY_FAILED -> {
        expect(message, 16);
        yield new Failed(StepPhase.fromWire(b.getInt(4)), b.getInt(8), b.getInt(12));
      }
      case REPLY_STARTED -> {
        expect(message, 24);
        yield new Started(b.getLong(8), b.getLong(16));
      }
      case REPLY_EXITED -> {
        expect(message, EXIT_REPORT_BYTES);
        yield new Exited(
            b.getInt(4),
            b.getInt(8),
            b.getInt(12),
            b.getInt(16),
            b.getInt(20),
            b.getInt(24),
            b.getLong(32),
            b.getLong(40),
            b.getLong(48),
            b.getLong(56));
      }
      default -> throw new IllegalArgumentException("unknown init reply type " + type);
    };
  }

  private static void expect(byte[] message, int length) {
    if (message.length != length) {
      throw new IllegalArgumentException(
          "init reply type " + message[0] + " of " + message.length + " bytes, expected " + length);
    }
  }
}
