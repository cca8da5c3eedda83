package dev.judgefleet.worker.sandbox.plan;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Encodes plans in the init's wire format (little-endian, as {@code judge-init.c} reads them):
 *
 * <pre>
 * message   = u32 type, payload
 * step list = u32 count, step*
 * step      = u32 code, u32 nint, u32 nstr, i64 int[nint], (u32 len, bytes[len], NUL)[nstr]
 * </pre>
 */
public final class PlanEncoder {
  public static final int MSG_SETUP = 1;
  public static final int MSG_RUN = 2;
  public static final int MSG_KILL = 3;
  public static final int MSG_EXIT = 4;

  /** The init's receive buffer; a bigger plan is refused here rather than truncated there. */
  public static final int MAX_MESSAGE_BYTES = 1 << 20;

  private PlanEncoder() {}

  public static byte[] setup(SandboxPlan plan) {
    Writer w = new Writer();
    w.u32(MSG_SETUP);
    w.steps(plan.setup());
    return w.finish();
  }

  public static byte[] run(RunPlan plan) {
    Writer w = new Writer();
    w.u32(MSG_RUN);
    w.steps(plan.prepare());
    w.steps(plan.child());
    w.steps(plan.cleanup());
    return w.finish();
  }

  public static byte[] control(int type) {
    Writer w = new Writer();
    w.u32(type);
    return w.finish();
  }

  private static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

    void u32(long value) {
      scratch.clear();
      scratch.putInt((int) value);
      out.write(scratch.array(), 0, 4);
    }

    void i64(long value) {
      scratch.clear();
      scratch.putLong(value);
      out.write(scratch.array(), 0, 8);
    }

    void steps(List<Step> steps) {
      u32(steps.size());
      for (Step step : steps) {
        List<byte[]> strings = step.encodedStrings();
        u32(step.code().wireCode());
        u32(step.ints().size());
        u32(strings.size());
        for (long v : step.ints()) {
          i64(v);
        }
        for (byte[] s : strings) {
          u32(s.length);
          out.write(s, 0, s.length);
          out.write(0);
        }
      }
    }

    byte[] finish() {
      if (out.size() > MAX_MESSAGE_BYTES) {
        throw new IllegalArgumentException(
            "plan of " + out.size() + " bytes exceeds the init's " + MAX_MESSAGE_BYTES);
      }
      return out.toByteArray();
    }
  }
}
