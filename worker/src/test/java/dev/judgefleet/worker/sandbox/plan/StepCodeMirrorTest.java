package dev.judgefleet.worker.sandbox.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Java step codes, phases and message types are the C init's, number for number. */
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
        Pattern.compile("^\\s*(" + prefix + "[A-Z0-9_]+)\\s*=\\s*(\\d+),", Pattern.MULTILINE)
            .matcher(source);
    Map<String, Integer> found = new TreeMap<>();
    while (m.find()) {
      found.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return found;
  }
}
