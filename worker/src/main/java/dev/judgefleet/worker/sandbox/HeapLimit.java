package dev.judgefleet.worker.sandbox;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A managed runtime's own heap limit (the JVM's {@code -Xmx}, Node's old space, PHP's {@code
 * memory_limit}) and how the runtime reports reaching it: such a runtime stops itself before the
 * cgroup's OOM killer could, so the run's status needs its report, confirmed by the measured peak.
 *
 * @param bytes the heap limit the runtime was given
 * @param report a regular expression that finds the runtime's report in the run's captured output
 *     (the JVM prints its {@code OutOfMemoryError} on stdout, most runtimes on stderr)
 */
public record HeapLimit(long bytes, String report) {
  public HeapLimit {
    Objects.requireNonNull(report, "report");
    if (bytes <= 0) {
      throw new IllegalArgumentException("bytes must be positive: " + bytes);
    }
    if (report.isEmpty()) {
      throw new IllegalArgumentException("report must not be empty");
    }
    try {
      Pattern.compile(report);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("report is not a regular expression: " + e.getMessage());
    }
  }

  /** Whether the captured output holds the runtime's report. */
  public boolean reportedIn(String output) {
    return Pattern.compile(report).matcher(output).find();
  }
}
