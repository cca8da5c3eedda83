package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.judge.TokenReader.Token;
import dev.judgefleet.worker.judge.TokenReader.TokenTooLongException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * The default output validator of the problem package format: compares the team output with the
 * answer file token by token, as {@link DefaultValidatorFlags} say, streaming both files.
 *
 * <p>A wrong answer is an outcome; a judge-side problem (an unreadable file, an answer token over
 * {@link #MAX_TOKEN_BYTES}) is an {@link IOException}, for the caller to report as a judge error.
 */
public final class DefaultValidator {
  /**
   * The longest token kept in memory. The format lets the validator reject unreasonably large
   * output; this bounds what one hostile token can cost.
   */
  public static final int MAX_TOKEN_BYTES = 16 << 20;

  private static final String OUTPUT = "output";
  private static final String ANSWER = "answer file";

  private DefaultValidator() {}

  public static ValidatorOutcome validate(Path answer, Path teamOutput, DefaultValidatorFlags flags)
      throws IOException {
    try (TokenReader judge = TokenReader.open(answer, ANSWER, MAX_TOKEN_BYTES);
        TokenReader team = TokenReader.open(teamOutput, OUTPUT, MAX_TOKEN_BYTES)) {
      return compare(judge, team, flags);
    } catch (TokenTooLongException e) {
      // Only the answer file gets here (a team token over the limit is a wrong answer).
      throw new IOException(answer + ": " + e.getMessage(), e);
    }
  }

  private static ValidatorOutcome compare(
      TokenReader judge, TokenReader team, DefaultValidatorFlags flags) throws IOException {
    while (true) {
      if (flags.spaceChangeSensitive()) {
        String whitespaceError = whitespaceMismatch(judge, team);
        if (whitespaceError != null) {
          return ValidatorOutcome.wrongAnswer(whitespaceError);
        }
      } else {
        judge.skipWhitespace();
        team.skipWhitespace();
      }
      Token judgeToken = judge.nextToken();
      Token teamToken;
      try {
        teamToken = team.nextToken();
      } catch (TokenTooLongException e) {
        return ValidatorOutcome.wrongAnswer(e.getMessage());
      }
      if (judgeToken == null && teamToken == null) {
        return ValidatorOutcome.accept();
      }
      if (judgeToken == null) {
        return ValidatorOutcome.wrongAnswer(
            where(teamToken.line(), judge.lastTokenLine())
                + "Too many tokens in output: judge answer ended after "
                + judge.tokens()
                + " tokens\nTeam:  "
                + TokenPreview.quote(teamToken.bytes()));
      }
      if (teamToken == null) {
        return ValidatorOutcome.wrongAnswer(
            where(team.lastTokenLine(), judgeToken.line())
                + "Too few tokens in output: team output ended after "
                + team.tokens()
                + " tokens\nJudge: "
                + TokenPreview.quote(judgeToken.bytes()));
      }
      String mismatch = tokenMismatch(judgeToken.bytes(), teamToken.bytes(), flags);
      if (mismatch != null) {
        return ValidatorOutcome.wrongAnswer(
            where(teamToken.line(), judgeToken.line())
                + mismatch
                + "\nJudge: "
                + TokenPreview.quote(judgeToken.bytes())
                + "\nTeam:  "
                + TokenPreview.quote(teamToken.bytes()));
      }
    }
  }

  /**
   * Consumes the whitespace run before the next token of both files, byte by byte so that a run of
   * any length costs no memory, and says how they differ, or null if they are the same.
   */
  private static String whitespaceMismatch(TokenReader judge, TokenReader team) throws IOException {
    while (true) {
      int judgeByte = judge.peek();
      int teamByte = team.peek();
      boolean judgeSpace = TokenReader.isWhitespace(judgeByte);
      boolean teamSpace = TokenReader.isWhitespace(teamByte);
      if (!judgeSpace && !teamSpace) {
        return null;
      }
      if (judgeByte != teamByte) {
        return where(team.line(), judge.line())
            + "Space change error: judge has "
            + describe(judgeByte)
            + ", team has "
            + describe(teamByte);
      }
      judge.advance();
      team.advance();
    }
  }

  /** Why two tokens do not match, or null if they do. */
  private static String tokenMismatch(byte[] judge, byte[] team, DefaultValidatorFlags flags) {
    if (flags.floatTolerant()) {
      OptionalDouble judgeValue = FloatToken.parse(judge);
      if (judgeValue.isPresent()) {
        return floatMismatch(judgeValue.getAsDouble(), team, flags);
      }
    }
    if (sameBytes(judge, team, flags.caseSensitive())) {
      return null;
    }
    if (flags.caseSensitive() && sameBytes(judge, team, false)) {
      return "String tokens mismatch (they differ in case only; comparison is case-sensitive)";
    }
    return "String tokens mismatch";
  }

  private static String floatMismatch(double judge, byte[] team, DefaultValidatorFlags flags) {
    OptionalDouble teamValue = FloatToken.parse(team);
    if (teamValue.isEmpty()) {
      return "Team token is not a floating-point number (judge token is)";
    }
    double value = teamValue.getAsDouble();
    if (flags.withinTolerance(judge, value)) {
      return null;
    }
    if (!Double.isFinite(judge) || !Double.isFinite(value)) {
      return "Floating-point values differ (at least one is beyond the double range)";
    }
    return "Floating-point difference "
        + Math.abs(value - judge)
        + " exceeds tolerance "
        + flags.allowedDifference(judge);
  }

  /** Byte equality, folding only ASCII A–Z to a–z unless case-sensitive, as the format says. */
  private static boolean sameBytes(byte[] judge, byte[] team, boolean caseSensitive) {
    if (judge.length != team.length) {
      return false;
    }
    for (int i = 0; i < judge.length; i++) {
      if (judge[i] != team[i] && (caseSensitive || asciiLower(judge[i]) != asciiLower(team[i]))) {
        return false;
      }
    }
    return true;
  }

  private static int asciiLower(byte b) {
    return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
  }

  private static String where(long teamLine, long judgeLine) {
    return "Wrong answer on line "
        + teamLine
        + " of output (corresponding to line "
        + judgeLine
        + " in answer file)\n";
  }

  private static String describe(int b) {
    return switch (b) {
      case -1 -> "end of file";
      case ' ' -> "space";
      case '\n' -> "newline";
      case '\r' -> "carriage return";
      case '\t' -> "tab";
      case '\f' -> "form feed";
      case 0x0b -> "vertical tab";
      default -> "a token";
    };
  }
}
