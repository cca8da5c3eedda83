package dev.judgefleet.worker.sandbox.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire format judge-init.c decodes, checked byte for byte. */
class PlanEncoderTest {

  @Test
  void encodesASetupPlanAsTheInitReadsIt() {
    SandboxPlan plan =
        new SandboxPlan(
            0,
            List.of(
                Steps.mount("tmpfs", "/r", "tmpfs", Kernel.SysMount.MS_NOSUID, "size=1m"),
                Steps.sethostname("judge")));
    ByteBuffer b = ByteBuffer.wrap(PlanEncoder.setup(plan)).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(PlanEncoder.MSG_SETUP, b.getInt());
    List<Step> decoded = decodeList(b);
    assertEquals(plan.setup(), decoded);
    assertEquals(0, b.remaining());
  }

  @Test
  void encodesTheThreeListsOfARunAndTheBlob() {
    byte[] bpf = {1, 2, 0, 4, 5, 6, 7, 8};
    RunPlan plan =
        new RunPlan(
            List.of(Steps.mount("", "/box", "", 0, "")),
            List.of(
                Steps.seccomp(bpf, 8),
                Steps.exec("/bin/true", List.of("/bin/true"), List.of("A=b"))),
            List.of(Steps.umount("/tmp", Kernel.SysMount.MNT_DETACH)),
            List.of(),
            new CgroupLimits(1 << 20, 1));
    ByteBuffer b = ByteBuffer.wrap(PlanEncoder.run(plan)).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(PlanEncoder.MSG_RUN, b.getInt());
    assertEquals(plan.prepare(), decodeList(b));
    List<Step> child = decodeList(b);
    assertArrayEquals(bpf, child.get(0).blob());
    assertEquals(plan.child().get(1), child.get(1));
    assertEquals(plan.cleanup(), decodeList(b));
    assertEquals(0, b.remaining());
  }

  @Test
  void refusesARunThatDoesNotEndInExec() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RunPlan(
                List.of(),
                List.of(Steps.setsid()),
                List.of(),
                List.of(),
                new CgroupLimits(1 << 20, 1)));
  }

  @Test
  void refusesStringsWithNul() {
    assertThrows(IllegalArgumentException.class, () -> Steps.chdir("/a\0b"));
  }

  /** A Java twin of decode_list() in judge-init.c. */
  private static List<Step> decodeList(ByteBuffer b) {
    int count = b.getInt();
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int code = b.getInt();
      int nint = b.getInt();
      int nstr = b.getInt();
      List<Long> ints = new ArrayList<>();
      for (int j = 0; j < nint; j++) {
        ints.add(b.getLong());
      }
      List<byte[]> strings = new ArrayList<>();
      for (int j = 0; j < nstr; j++) {
        byte[] s = new byte[b.getInt()];
        b.get(s);
        assertEquals(0, b.get(), "every string ends in NUL");
        strings.add(s);
      }
      StepCode stepCode = null;
      for (StepCode c : StepCode.values()) {
        if (c.wireCode() == code) {
          stepCode = c;
        }
      }
      if (stepCode == StepCode.SECCOMP) {
        steps.add(new Step(stepCode, ints, List.of(), strings.get(0)));
      } else {
        steps.add(
            new Step(
                stepCode,
                ints,
                strings.stream().map(s -> new String(s, StandardCharsets.UTF_8)).toList(),
                null));
      }
    }
    return steps;
  }
}
