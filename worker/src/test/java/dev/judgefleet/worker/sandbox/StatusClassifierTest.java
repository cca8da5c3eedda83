package dev.judgefleet.worker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.worker.sandbox.StatusClassifier.Classification;
import dev.judgefleet.worker.sandbox.plan.Kernel.Signal;
import dev.judgefleet.worker.sandbox.plan.StepPhase;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of the classifier, one row each: what was observed, and the status it gives. */
class StatusClassifierTest {
  private static final long MIB = 1 << 20;
  private static final long SECOND = 1_000_000_000L;

  /** abort(3), as Node ends on a fatal error (signal(7); not among Kernel.Signal's constants). */
  private static final int SIGABRT = 6;

  private static final RunLimits LIMITS =
      RunLimits.forCpu(Duration.ofSeconds(1)).withMemoryBytes(64 * MIB).withOutputBytes(1000);
  private static final SetupError MOUNT_FAILED =
      new SetupError(StepPhase.CHILD, 7, "mount(...)", 1, "EPERM");
  private static final SetupError EXEC_FAILED =
      new SetupError(StepPhase.CHILD, 60, "execve(\"/box/main\", ...)", 2, "ENOENT");

  /** A run that used half its time and a little memory, and printed 10 bytes. */
  private record Facts(
      SetupError setupError,
      SetupError execError,
      Integer exitCode,
      Integer signal,
      KillReason killedFor,
      long cpuNanos,
      long wallNanos,
      long memoryBytes,
      long oomKills,
      String violation,
      long outputBytes,
      long reportedHeapLimitBytes) {
    static Facts exited(int code) {
      return new Facts(
          null, null, code, null, KillReason.NONE, SECOND / 2, SECOND / 2, MIB, 0, null, 10, 0);
    }

    static Facts signalled(int signal) {
      return exited(0).withExit(null).withSignal(signal);
    }

    Facts withExit(Integer code) {
      return new Facts(
          setupError,
          execError,
          code,
          signal,
          killedFor,
          cpuNanos,
          wallNanos,
          memoryBytes,
          oomKills,
          violation,
          outputBytes,
          reportedHeapLimitBytes);
    }

    Facts withSignal(Integer sig) {
      return new Facts(
          setupError,
          execError,
          exitCode,
          sig,
          killedFor,
          cpuNanos,
          wallNanos,
          memoryBytes,
          oomKills,
          violation,
          outputBytes,
          reportedHeapLimitBytes);
    }

    Facts killedFor(KillReason reason) {
      return new Facts(
              setupError,
              execError,
              exitCode,
              Signal.SIGKILL,
              reason,
              cpuNanos,
              wallNanos,
              memoryBytes,
              oomKills,
              violation,
              outputBytes,
              reportedHeapLimitBytes)
          .withExit(null);
    }

    Facts cpu(long nanos) {
      return new Facts(
          setupError,
          execError,
          exitCode,
          signal,
          killedFor,
          nanos,
          wallNanos,
          memoryBytes,
          oomKills,
          violation,
          outputBytes,
          reportedHeapLimitBytes);
    }

    Facts wall(long nanos) {
      return new Facts(
          setupError,
          execError,
          exitCode,
          signal,
          killedFor,
          cpuNanos,
          nanos,
          memoryBytes,
          oomKills,
          violation,
          outputBytes,
          reportedHeapLimitBytes);
    }

    Facts memory(long bytes, long ooms) {
      return new Facts(
          setupError,
          execError,
          exitCode,
          signal,
          killedFor,
          cpuNanos,
          wallNanos,
          bytes,
          ooms,
          violation,
          outputBytes,
          reportedHeapLimitBytes);
    }

    Facts violation(String call) {
      return new Facts(
          setupError,
          execError,
          exitCode,
          signal,
          killedFor,
          cpuNanos,
          wallNanos,
          memoryBytes,
          oomKills,
          call,
          outputBytes,
          reportedHeapLimitBytes);
    }

    Facts output(long bytes) {
      return new Facts(
          setupError,
          execError,
          exitCode,
          signal,
          killedFor,
          cpuNanos,
          wallNanos,
          memoryBytes,
          oomKills,
          violation,
          bytes,
          reportedHeapLimitBytes);
    }

    Facts setup(SetupError error) {
      return new Facts(error, execError, null, null, killedFor, 0, 0, 0, 0, violation, 0, 0);
    }

    Facts exec(SetupError error) {
      return new Facts(null, error, null, null, killedFor, 0, 0, 0, 0, null, 0, 0);
    }

    /** The runtime reported reaching its heap limit of {@code bytes}. */
    Facts heapReported(long bytes) {
      return new Facts(
          setupError,
          execError,
          exitCode,
          signal,
          killedFor,
          cpuNanos,
          wallNanos,
          memoryBytes,
          oomKills,
          violation,
          outputBytes,
          bytes);
    }

    RunFacts toRunFacts() {
      return new RunFacts(
          setupError,
          execError,
          exitCode,
          signal,
          killedFor,
          cpuNanos,
          wallNanos,
          memoryBytes,
          oomKills,
          violation,
          outputBytes,
          reportedHeapLimitBytes);
    }
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        row("exit 0 within every limit", Facts.exited(0), RunStatus.OK, RunCause.NONE),
        row("a non-zero exit", Facts.exited(3), RunStatus.RE, RunCause.EXIT_CODE),
        row("a fatal signal", Facts.signalled(Signal.SIGSEGV), RunStatus.RE, RunCause.SIGNAL),
        // The judge's fault, whatever else happened.
        row(
            "setup failed, then killed for time with a violation",
            Facts.exited(0).killedFor(KillReason.CPU_TIME).violation("ptrace").setup(MOUNT_FAILED),
            RunStatus.IE,
            RunCause.SETUP),
        // The submission's own binary could not be executed: its fault, not the judge's.
        row(
            "exec of its own file failed",
            Facts.exited(0).exec(EXEC_FAILED),
            RunStatus.RE,
            RunCause.EXEC),
        // A recorded violation outranks the kill that followed it.
        row(
            "a named forbidden call",
            Facts.exited(0).killedFor(KillReason.NONE).violation("ptrace"),
            RunStatus.SV,
            RunCause.SYSCALL),
        row(
            "raise(SIGSYS) with nothing recorded",
            Facts.signalled(Signal.SIGSYS),
            RunStatus.RE,
            RunCause.SIGNAL),
        row(
            "killed at the CPU limit",
            Facts.exited(0).killedFor(KillReason.CPU_TIME).cpu(SECOND),
            RunStatus.TLE,
            RunCause.CPU_TIME),
        row(
            "exited after using more CPU than the limit",
            Facts.exited(0).cpu(SECOND + 1),
            RunStatus.TLE,
            RunCause.CPU_TIME),
        row(
            "raise(SIGXCPU) after 1 ms",
            Facts.signalled(Signal.SIGXCPU).cpu(1_000_000),
            RunStatus.RE,
            RunCause.SIGNAL),
        row(
            "killed at the wall limit",
            Facts.exited(0).killedFor(KillReason.WALL_TIME).cpu(1000).wall(3 * SECOND),
            RunStatus.TLE,
            RunCause.WALL_TIME),
        row(
            "exited after the wall limit",
            Facts.exited(0).wall(4 * SECOND),
            RunStatus.TLE,
            RunCause.WALL_TIME),
        row(
            "OOM-killed",
            Facts.signalled(Signal.SIGKILL).memory(65 * MIB, 1),
            RunStatus.MLE,
            RunCause.OOM_KILL),
        // Memory was over while the program ran; the time kill only ended it.
        row(
            "killed for time after an OOM kill",
            Facts.exited(0).killedFor(KillReason.CPU_TIME).cpu(SECOND).memory(70 * MIB, 1),
            RunStatus.MLE,
            RunCause.OOM_KILL),
        row(
            "killed for time with a peak over the limit",
            Facts.exited(0).killedFor(KillReason.CPU_TIME).cpu(SECOND).memory(64 * MIB + 1, 0),
            RunStatus.MLE,
            RunCause.MEMORY),
        row(
            "killed for time below the memory limit",
            Facts.exited(0).killedFor(KillReason.CPU_TIME).cpu(SECOND).memory(64 * MIB, 0),
            RunStatus.TLE,
            RunCause.CPU_TIME),
        row(
            "peak one byte over the limit, not killed",
            Facts.exited(0).memory(64 * MIB + 1, 0),
            RunStatus.MLE,
            RunCause.MEMORY),
        row(
            "peak exactly at the limit",
            Facts.exited(0).memory(64 * MIB, 0),
            RunStatus.OK,
            RunCause.NONE),
        row(
            "output one byte over the limit",
            Facts.exited(0).output(1001),
            RunStatus.OLE,
            RunCause.OUTPUT),
        row(
            "output exactly at the limit",
            Facts.exited(0).output(1000),
            RunStatus.OK,
            RunCause.NONE),
        row(
            "killed for output",
            Facts.exited(0).killedFor(KillReason.OUTPUT).output(1001),
            RunStatus.OLE,
            RunCause.OUTPUT),
        row(
            "raise(SIGXFSZ) with little output",
            Facts.signalled(Signal.SIGXFSZ),
            RunStatus.RE,
            RunCause.SIGNAL),
        // A managed runtime that stopped at its own heap limit (LIMITS' 64 MiB hold a 48 MiB heap
        // and the runtime itself): its report counts when the peak confirms it.
        row(
            "the JVM's OutOfMemoryError after using its heap",
            Facts.exited(3).memory(50 * MIB, 0).heapReported(48 * MIB),
            RunStatus.MLE,
            RunCause.HEAP_LIMIT),
        row(
            "Node's heap report, ended by SIGABRT, at a quarter of its heap",
            Facts.signalled(SIGABRT).memory(12 * MIB, 0).heapReported(48 * MIB),
            RunStatus.MLE,
            RunCause.HEAP_LIMIT),
        // The program printed the runtime's message itself: a verdict the program cannot fake.
        row(
            "a heap report with little memory used",
            Facts.exited(3).memory(12 * MIB - 1, 0).heapReported(48 * MIB),
            RunStatus.RE,
            RunCause.EXIT_CODE),
        row(
            "a heap report, then exit 0",
            Facts.exited(0).memory(50 * MIB, 0).heapReported(48 * MIB),
            RunStatus.OK,
            RunCause.NONE),
        row(
            "a heap report, killed for time",
            Facts.exited(0)
                .killedFor(KillReason.CPU_TIME)
                .cpu(SECOND)
                .memory(50 * MIB, 0)
                .heapReported(48 * MIB),
            RunStatus.TLE,
            RunCause.CPU_TIME),
        row(
            "a heap report, then an OOM kill",
            Facts.signalled(Signal.SIGKILL).memory(65 * MIB, 1).heapReported(48 * MIB),
            RunStatus.MLE,
            RunCause.OOM_KILL),
        row(
            "memory outranks output",
            Facts.exited(0).memory(65 * MIB, 0).output(2000),
            RunStatus.MLE,
            RunCause.MEMORY));
  }

  private static Arguments row(String name, Facts facts, RunStatus status, RunCause cause) {
    return Arguments.of(name, facts, new Classification(status, cause));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void classifies(String name, Facts facts, Classification expected) {
    assertEquals(expected, StatusClassifier.classify(facts.toRunFacts(), LIMITS), name);
  }
}
