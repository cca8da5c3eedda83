package dev.judgefleet.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for the names of a submission's source files, wherever they come from (a Kafka
 * message, the command line, a package's reference submission): plain names the worker can create
 * in the sandbox's work directory as they are, and that no compiler reads as anything but a file.
 * No {@code /} or {@code ..} (no escaping the directory), no leading {@code .} (no hidden files),
 * no leading {@code -} (an option) and no {@code @} (gcc and javac read {@code @file} as a file of
 * further options), only {@code A-Z a-z 0-9 . _ + -}. The same pattern is in {@code
 * submission.schema.json}.
 */
public final class SourceFileNames {
  /** The rule as a regular expression (bounded input: at most 255 characters are looked at). */
  public static final String PATTERN = "^(?![.-])(?!.*\\.\\.)[A-Za-z0-9._+-]{1,255}$";

  private static final Pattern NAME = Pattern.compile(PATTERN);
  private static final int MAX = 255;

  private SourceFileNames() {}

  /** Why {@code name} is not a plain source file name, or empty when it is one. */
  public static Optional<String> problem(String name) {
    if (name == null) {
      return Optional.of("the file name is missing");
    }
    String shown = SubmissionValidator.quote(name);
    if (name.contains("/") || name.contains("\\")) {
      return Optional.of(shown + " is not a plain file name: it has a directory");
    }
    if (name.contains("..")) {
      return Optional.of(shown + " is not a plain file name: it contains '..'");
    }
    if (name.length() > MAX || !NAME.matcher(name).matches()) {
      return Optional.of(
          shown
              + " is not a plain file name: use 1 to 255 of A-Z a-z 0-9 . _ + -,"
              + " not starting with . or -");
    }
    return Optional.empty();
  }
}
