package dev.judgefleet.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a submission against the wire format's rules and the worker's policy. Each rule is a named
 * check, run in the order of the fields, and every check reports everything it finds: a producer
 * fixes all its mistakes in one round trip. Messages name the field and quote the offending value
 * (shortened, control characters escaped, so a message stays one line).
 */
public final class SubmissionValidator {
  private SubmissionValidator() {}

  /**
   * Ids, problem versions and inline test names. They become Kafka keys, log fields and perhaps
   * directory names, hence the small alphabet; {@code .} and {@code ..} are excluded because they
   * are directories everywhere. The same pattern is in {@code submission.schema.json}.
   */
  static final String ID_PATTERN = "^(?!\\.{1,2}$)[A-Za-z0-9._:-]{1,128}$";

  /** Source file names: {@link SourceFileNames}. */
  static final String FILE_NAME_PATTERN = SourceFileNames.PATTERN;

  private static final Pattern ID = Pattern.compile(ID_PATTERN);
  private static final int QUOTED_CHARS = 64;
  private static final ObjectMapper JSON = WireJson.mapper();

  /** Every problem of the submission, in field order; empty when it may be judged. */
  public static List<Violation> validate(Submission submission, SubmissionPolicy policy) {
    List<Violation> violations = new ArrayList<>();
    checkSchemaVersion(submission, violations);
    checkId("submissionId", submission.submissionId(), true, violations);
    checkId("problemId", submission.problemId(), true, violations);
    checkId("problemVersion", submission.problemVersion(), false, violations);
    checkLanguage(submission, policy, violations);
    checkSourceGivenOnce(submission, violations);
    checkSourceText(submission, policy, violations);
    checkFiles(submission, policy, violations);
    checkLimits(submission.limits(), policy, violations);
    checkInlineTests(submission.tests(), policy, violations);
    checkAttempt(submission, violations);
    checkMetadata(submission, violations);
    return List.copyOf(violations);
  }

  /** True when the id is well-formed, so it can key an IE verdict for an otherwise bad message. */
  static boolean isWellFormedId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  private static void checkSchemaVersion(Submission submission, List<Violation> out) {
    int version = submission.schemaVersion();
    if (version == 0) {
      // 0 is what an absent int field reads as; no version 0 was ever published.
      out.add(new Violation("schemaVersion", "schemaVersion is missing"));
    } else if (version < 0) {
      out.add(
          new Violation(
              "schemaVersion", "schemaVersion " + version + " is not a version (the first is 1)"));
    } else if (version > Submission.SCHEMA_VERSION) {
      out.add(new Violation("schemaVersion", newerSchemaVersion(version)));
    }
  }

  static String newerSchemaVersion(Object version) {
    return "schemaVersion "
        + version
        + " is newer than the supported "
        + Submission.SCHEMA_VERSION
        + ": this worker cannot read it";
  }

  private static void checkId(String field, String value, boolean required, List<Violation> out) {
    if (value == null) {
      if (required) {
        out.add(new Violation(field, field + " is missing"));
      }
    } else if (!ID.matcher(value).matches()) {
      out.add(
          new Violation(
              field,
              field
                  + " "
                  + quote(value)
                  + " is not 1 to 128 of the characters A-Z a-z 0-9 . _ : - (and not . or ..)"));
    }
  }

  private static void checkLanguage(
      Submission submission, SubmissionPolicy policy, List<Violation> out) {
    String language = submission.language();
    if (language == null) {
      out.add(new Violation("language", "language is missing"));
    } else if (!policy.knownLanguages().contains(language)) {
      out.add(
          new Violation(
              "language",
              "language "
                  + quote(language)
                  + " is not one of "
                  + String.join(", ", policy.knownLanguages())));
    }
  }

  private static void checkSourceGivenOnce(Submission submission, List<Violation> out) {
    if (submission.source() == null && submission.files() == null) {
      out.add(new Violation("source", "source is missing: give the program as source or as files"));
    } else if (submission.source() != null && submission.files() != null) {
      out.add(new Violation("files", "source and files are both given: give exactly one"));
    }
  }

  private static void checkSourceText(
      Submission submission, SubmissionPolicy policy, List<Violation> out) {
    if (submission.source() == null) {
      return;
    }
    long bytes = submission.source().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > policy.maxSourceBytes()) {
      out.add(
          new Violation(
              "source",
              "source is " + bytes + " bytes, over the limit of " + policy.maxSourceBytes()));
    }
  }

  private static void checkFiles(
      Submission submission, SubmissionPolicy policy, List<Violation> out) {
    List<SourceFile> files = submission.files();
    if (files == null) {
      return;
    }
    if (files.isEmpty()) {
      out.add(new Violation("files", "files is empty: give at least the main file"));
      return;
    }
    if (files.size() > policy.maxSourceFiles()) {
      out.add(
          new Violation(
              "files",
              "files has "
                  + files.size()
                  + " entries, over the limit of "
                  + policy.maxSourceFiles()));
    }
    Map<String, Integer> firstIndexByName = new HashMap<>();
    long bytes = 0;
    for (int i = 0; i < files.size(); i++) {
      SourceFile file = files.get(i);
      String at = "files[" + i + "]";
      checkFileName(at + ".name", file.name(), out);
      checkUnique(at + ".name", file.name(), "files", i, firstIndexByName, out);
      Optional<byte[]> content = file.content();
      if (file.contentBase64() == null) {
        out.add(new Violation(at + ".contentBase64", at + ".contentBase64 is missing"));
      } else if (content.isEmpty()) {
        out.add(new Violation(at + ".contentBase64", at + ".contentBase64 is not valid Base64"));
      } else {
        bytes += content.get().length;
      }
    }
    if (bytes > policy.maxSourceBytes()) {
      out.add(
          new Violation(
              "files",
              "source is "
                  + bytes
                  + " bytes in "
                  + files.size()
                  + " files, over the limit of "
                  + policy.maxSourceBytes()));
    }
  }

  private static void checkFileName(String field, String name, List<Violation> out) {
    if (name == null) {
      out.add(new Violation(field, field + " is missing"));
    } else {
      SourceFileNames.problem(name).ifPresent(p -> out.add(new Violation(field, field + " " + p)));
    }
  }

  private static void checkUnique(
      String field,
      String name,
      String list,
      int index,
      Map<String, Integer> firstIndexByName,
      List<Violation> out) {
    if (name == null) {
      return;
    }
    Integer first = firstIndexByName.putIfAbsent(name, index);
    if (first != null) {
      out.add(
          new Violation(
              field,
              field + " " + quote(name) + " is already used by " + list + "[" + first + "]"));
    }
  }

  private static void checkLimits(
      LimitOverrides limits, SubmissionPolicy policy, List<Violation> out) {
    if (limits == null) {
      return;
    }
    checkLimit("limits.timeMs", limits.timeMs(), policy.maxTimeMs(), out);
    checkLimit("limits.memoryBytes", limits.memoryBytes(), policy.maxMemoryBytes(), out);
    checkLimit("limits.outputBytes", limits.outputBytes(), policy.maxOutputBytes(), out);
  }

  private static void checkLimit(String field, Long value, long maximum, List<Violation> out) {
    if (value == null) {
      return;
    }
    if (value <= 0) {
      out.add(new Violation(field, field + " " + value + " is not positive"));
    } else if (value > maximum) {
      out.add(
          new Violation(field, field + " " + value + " is above the worker's maximum " + maximum));
    }
  }

  private static void checkInlineTests(
      List<InlineTest> tests, SubmissionPolicy policy, List<Violation> out) {
    if (tests.size() > policy.maxInlineTests()) {
      out.add(
          new Violation(
              "tests",
              "tests has "
                  + tests.size()
                  + " entries, over the limit of "
                  + policy.maxInlineTests()));
    }
    Map<String, Integer> firstIndexByName = new HashMap<>();
    for (int i = 0; i < tests.size(); i++) {
      InlineTest test = tests.get(i);
      String at = "tests[" + i + "]";
      checkId(at + ".name", test.name(), true, out);
      checkUnique(at + ".name", test.name(), "tests", i, firstIndexByName, out);
      if (test.input() == null) {
        out.add(new Violation(at + ".input", at + ".input is missing"));
      }
      long bytes = utf8Bytes(test.input()) + utf8Bytes(test.answer());
      if (bytes > policy.maxInlineTestBytes()) {
        out.add(
            new Violation(
                at,
                at
                    + " is "
                    + bytes
                    + " bytes (input and answer), over the limit of "
                    + policy.maxInlineTestBytes()));
      }
    }
  }

  private static void checkAttempt(Submission submission, List<Violation> out) {
    if (submission.attempt() < Submission.FIRST_ATTEMPT) {
      out.add(
          new Violation(
              "attempt",
              "attempt "
                  + submission.attempt()
                  + " is below "
                  + Submission.FIRST_ATTEMPT
                  + " (the first judging is attempt "
                  + Submission.FIRST_ATTEMPT
                  + ")"));
    }
  }

  private static void checkMetadata(Submission submission, List<Violation> out) {
    if (submission.metadata().isEmpty()) {
      return;
    }
    try {
      int bytes = JSON.writeValueAsBytes(submission.metadata()).length;
      if (bytes > Submission.MAX_METADATA_BYTES) {
        out.add(
            new Violation(
                "metadata",
                "metadata is "
                    + bytes
                    + " bytes as JSON, over the limit of "
                    + Submission.MAX_METADATA_BYTES));
      }
    } catch (JsonProcessingException notJson) {
      // Only reachable from Java: metadata read from the wire is JSON by construction.
      out.add(
          new Violation(
              "metadata",
              "metadata cannot be written as JSON: " + oneLine(notJson.getOriginalMessage())));
    }
  }

  private static long utf8Bytes(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * A value as a message quotes it: in single quotes, at most {@value #QUOTED_CHARS} characters,
   * control characters escaped, so that a hostile value cannot flood or split a log line.
   */
  static String quote(String value) {
    StringBuilder quoted = new StringBuilder("'");
    int end = Math.min(value.length(), QUOTED_CHARS);
    if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
      end--; // never cut a character in half
    }
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    if (end < value.length()) {
      quoted.append("…");
    }
    return quoted.append('\'').toString();
  }

  static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
