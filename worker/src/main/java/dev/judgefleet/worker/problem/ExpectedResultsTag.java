package dev.judgefleet.worker.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DOMjudge's {@code @EXPECTED_RESULTS@: CORRECT, TIMELIMIT} tag in a submission's source: on any
 * line, in any comment style, the tag in any case, the results in DOMjudge's hyphenated spelling
 * ({@code WRONG-ANSWER}, {@code RUN-ERROR}) or with underscores. The first tag in the submission's
 * files (in path order) counts; it becomes a rule on the final verdict.
 */
final class ExpectedResultsTag {
  private static final Pattern TAG =
      Pattern.compile("@EXPECTED_RESULTS@[ \\t]*:?([^\\r\\n]*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern WORD = Pattern.compile("[A-Za-z_-]+");

  /** DOMjudge's result names (hyphens read as underscores) and our verdict codes. */
  static final Map<String, String> CODES =
      Map.of(
          "CORRECT", "AC",
          "WRONG_ANSWER", "WA",
          "TIMELIMIT", "TLE",
          "RUN_ERROR", "RTE",
          "COMPILER_ERROR", "CE",
          "NO_OUTPUT", "WA",
          "OUTPUT_LIMIT", "OLE",
          "MEMORY_LIMIT", "MLE");

  private ExpectedResultsTag() {}

  /** The rule of the first tag in {@code sources}, if there is one with a known result. */
  static Optional<SubmissionRule> find(PackageFiles files, List<PackageEntry> sources) {
    for (PackageEntry source : sources) {
      // ISO-8859-1 keeps every byte, so a binary or non-UTF-8 file cannot fail the decoding.
      String text =
          new String(
              files.readCapped(source, files.limits().sourceBytes()), StandardCharsets.ISO_8859_1);
      Matcher tag = TAG.matcher(text);
      if (tag.find()) {
        return parse(files.report(), source, tag.group(1));
      }
    }
    return Optional.empty();
  }

  /**
   * The results after the tag: words separated by commas or spaces, up to whatever is not a word (a
   * comment's closing {@code *}{@code /}, say).
   */
  private static Optional<SubmissionRule> parse(
      LoadReport report, PackageEntry source, String results) {
    Set<String> verdicts = new LinkedHashSet<>();
    for (String token : results.strip().split("[\\s,]+")) {
      if (!WORD.matcher(token).matches()) {
        break;
      }
      String code = CODES.get(token.toUpperCase(Locale.ROOT).replace('-', '_'));
      if (code == null) {
        report.warn(
            source.path() + ": @EXPECTED_RESULTS@: unknown result \"" + token + "\", ignored");
      } else {
        verdicts.add(code);
      }
    }
    if (verdicts.isEmpty()) {
      report.warn(source.path() + ": @EXPECTED_RESULTS@ names no known result, ignored");
      return Optional.empty();
    }
    return Optional.of(
        SubmissionRule.finalVerdicts("@EXPECTED_RESULTS@ in " + source.name(), verdicts));
  }
}
