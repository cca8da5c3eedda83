package dev.judgefleet.worker.sandbox.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.worker.sandbox.linux.ControlSocket;
import dev.judgefleet.worker.sandbox.linux.InitProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Java step codes, phases, init operations, message types and shared constants are the C
 * init's, number for number.
 */
class StepCodeMirrorTest {
  private static final Path INIT_SOURCE = Path.of("src/main/c/judge-init.c");

  @Test
  void stepCodesMatchTheInit() throws IOException {
    Map<String, Integer> java = new TreeMap<>();
    for (StepCode code : StepCode.values()) {
      java.put("STEP_" + code.name(), code.wireCode());
    }
    assertEquals(java, constants("STEP_"));
  }

  @Test
  void phasesMatchTheInit() throws IOException {
    Map<String, Integer> java = new TreeMap<>();
    for (StepPhase phase : StepPhase.values()) {
      if (phase != StepPhase.HOST) {
        java.put("PHASE_" + phase.name(), phase.wireCode());
      }
    }
    assertEquals(java, constants("PHASE_"));
  }

  @Test
  void initOperationsMatchTheInit() throws IOException {
    Map<String, Integer> java = new TreeMap<>();
    for (InitOp op : InitOp.values()) {
      java.put("OP_" + op.name(), op.wireCode());
    }
    assertEquals(java, constants("OP_"));
  }

  @Test
  void theDescriptorsAndTheExitReportMatchTheInit() throws IOException {
    Map<String, Integer> c = constants("");
    assertEquals(InitProcess.CONTROL_FD, c.get("CTL_FD"));
    assertEquals(ControlSocket.MAX_FDS, c.get("MAX_PASSED_FDS"));
    assertEquals(InitReply.EXIT_REPORT_BYTES, c.get("EXIT_REPORT_BYTES"));
  }

  @Test
  void messageTypesMatchTheInit() throws IOException {
    Map<String, Integer> java =
        new TreeMap<>(
            Map.of(
                "MSG_SETUP", PlanEncoder.MSG_SETUP,
                "MSG_RUN", PlanEncoder.MSG_RUN,
                "MSG_KILL", PlanEncoder.MSG_KILL,
                "MSG_EXIT", PlanEncoder.MSG_EXIT));
    assertEquals(java, constants("MSG_"));
    Map<String, Integer> replies =
        new TreeMap<>(
            Map.of(
                "REPLY_READY", InitReply.REPLY_READY,
                "REPLY_FAILED", InitReply.REPLY_FAILED,
                "REPLY_STARTED", InitReply.REPLY_STARTED,
                "REPLY_EXITED", InitReply.REPLY_EXITED));
    assertEquals(replies, constants("REPLY_"));
  }

  /** Every {@code PREFIX_NAME = number,} enumerator in the C file. */
  private static Map<String, Integer> constants(String prefix) throws IOException {
    String source = Files.readString(INIT_SOURCE);
    Matcher m =
        Pattern.compile("^\\s*(" + prefix + "[A-Z][A-Z0-9_]*)\\s*=\\s*(\\d+),", Pattern.MULTILINE)
            .matcher(source);
    Map<String, Integer> found = new TreeMap<>();
    while (m.find()) {
      found.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return found;
  }
}
