package dev.judgefleet.worker.problem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The explicit time limit, by precedence: {@code limits.time_limit} in problem.yaml (2023-07+),
 * else a DOMjudge {@code .timelimit} file in the package root (a number of seconds), else {@code
 * timelimit} in DOMjudge's {@code domjudge-problem.ini}, else none (the judge derives it from the
 * reference submissions).
 */
final class ExplicitTimeLimit {
  static final String DOT_TIMELIMIT = ".timelimit";
  static final String DOMJUDGE_INI = "domjudge-problem.ini";

  private ExplicitTimeLimit() {}

  static ProblemLimits apply(ProblemLimits fromYaml, PackageFiles files) {
    Optional<PackageEntry> dotFile = regularFile(files, DOT_TIMELIMIT);
    // A malformed ini is an error even where it loses, so it is read whatever wins. Reading it
    // ahead of the .timelimit warning changes nothing visible: an error discards the warnings.
    Optional<Duration> iniLimit =
        regularFile(files, DOMJUDGE_INI).flatMap(f -> iniTimeLimit(files, f));
    if (fromYaml.timeLimit().isPresent()) {
      dotFile.ifPresent(f -> ignored(files, DOT_TIMELIMIT, LimitsYaml.TIME_LIMIT_SOURCE));
      iniLimit.ifPresent(t -> ignored(files, DOMJUDGE_INI, LimitsYaml.TIME_LIMIT_SOURCE));
      return fromYaml;
    }
    if (dotFile.isPresent()) {
      iniLimit.ifPresent(t -> ignored(files, DOMJUDGE_INI, DOT_TIMELIMIT));
      Duration limit = seconds(files, dotFile.get(), text(files, dotFile.get()).strip());
      return fromYaml.withTimeLimit(limit, DOT_TIMELIMIT);
    }
    return iniLimit.map(limit -> fromYaml.withTimeLimit(limit, DOMJUDGE_INI)).orElse(fromYaml);
  }

  /** {@code timelimit = 2} or {@code timelimit='2'}; other keys are DOMjudge's business. */
  private static Optional<Duration> iniTimeLimit(PackageFiles files, PackageEntry ini) {
    for (String line : text(files, ini).split("\n")) {
      String stripped = line.strip();
      int equals = stripped.indexOf('=');
      if (stripped.startsWith(";") || stripped.startsWith("#") || equals < 0) {
        continue;
      }
      if (stripped.substring(0, equals).strip().equalsIgnoreCase("timelimit")) {
        String value = stripped.substring(equals + 1).strip();
        if (value.length() >= 2
            && (value.charAt(0) == '\'' || value.charAt(0) == '"')
            && value.charAt(value.length() - 1) == value.charAt(0)) {
          value = value.substring(1, value.length() - 1).strip();
        }
        return Optional.of(seconds(files, ini, value));
      }
    }
    return Optional.empty();
  }

  private static Duration seconds(PackageFiles files, PackageEntry file, String value) {
    double seconds;
    try {
      seconds = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      seconds = Double.NaN;
    }
    if (!Double.isFinite(seconds) || seconds <= 0) {
      String shown = value.length() > 40 ? value.substring(0, 37) + "..." : value;
      throw files
          .report()
          .error(
              files.pathOf(file),
              "the time limit must be a positive number of seconds, got \"" + shown + "\"");
    }
    return LimitsYaml.seconds(seconds);
  }

  private static Optional<PackageEntry> regularFile(PackageFiles files, String name) {
    return files.find(name).filter(e -> !e.directory());
  }

  private static String text(PackageFiles files, PackageEntry file) {
    return new String(files.readCapped(file, files.limits().yamlBytes()), StandardCharsets.UTF_8);
  }

  private static void ignored(PackageFiles files, String what, String winner) {
    files.report().warn(what + ": time limit ignored, " + winner + " takes precedence");
  }
}
