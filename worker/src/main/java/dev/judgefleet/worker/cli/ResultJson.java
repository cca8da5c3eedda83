package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.judge.CompiledProgram;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of {@code judge run --json}. */
final class ResultJson {
  private ResultJson() {}

  /** CE for any failed compile (over its limits included), IE when the sandbox failed. */
  static String compileStatus(CompiledProgram program) {
    RunStatus status = program.compile().status();
    return status == RunStatus.OK ? "OK" : status == RunStatus.IE ? "IE" : "CE";
  }

  static Map<String, Object> compile(CompiledProgram program) {
    RunResult r = program.compile();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", compileStatus(program));
    m.put("cause", r.status() == RunStatus.OK ? null : r.causeDetail());
    m.put("output", program.compilerOutput());
    m.put("cpuMs", Units.millis(r.cpu()));
    m.put("wallMs", Units.millis(r.wall()));
    m.put("memoryBytes", r.memoryPeakBytes());
    return m;
  }

  static Map<String, Object> run(RunResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", r.status().name());
    m.put("cause", r.causeDetail().isEmpty() ? null : r.causeDetail());
    m.put("exitCode", r.exitCode());
    m.put("signal", r.signalName());
    m.put("cpuMs", Units.millis(r.cpu()));
    m.put("cpuUserMs", Units.millis(r.cpuUser()));
    m.put("cpuSystemMs", Units.millis(r.cpuSystem()));
    m.put("wallMs", Units.millis(r.wall()));
    m.put("memoryBytes", r.memoryPeakBytes());
    m.put("oomKilled", r.oomKilled());
    m.put("pidsPeak", r.pidsPeak());
    m.put("stdout", r.stdout().headText());
    m.put("stdoutBytes", r.stdout().bytes());
    m.put("stdoutTruncated", r.stdout().truncated());
    m.put("stderr", r.stderr().headText());
    m.put("stderrBytes", r.stderr().bytes());
    m.put("stderrTruncated", r.stderr().truncated());
    m.put("setupMs", Units.millis(r.setupTime()));
    m.put("setupError", r.setupError() == null ? null : r.setupError().message());
    m.put("violation", r.violation());
    return m;
  }
}
