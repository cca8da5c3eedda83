package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultValidatorTest {
  @TempDir Path dir;

  // --- plain comparison and whitespace ---

  @Test
  void exactMatchIsAccepted() throws IOException {
    ValidatorOutcome outcome = validate("1 2 3\nhello world\n", "1 2 3\nhello world\n");
    assertEquals(ValidatorOutcome.accept(), outcome);
    assertEquals(Optional.empty(), outcome.score());
    assertEquals("", outcome.teamMessage());
  }

  @Test
  void whitespaceDifferencesAreAcceptedByDefault() throws IOException {
    String answer = "1 2 3\nhello world\n";
    for (String team :
        List.of(
            "1  2   3\nhello world\n",
            "1\t2\t3\nhello\tworld\n",
            "1 2 3\r\nhello world\r\n",
            "1 2 3\nhello world",
            "\n\n1 2 3\nhello world\n\n\n",
            "  1 2 3 hello world  ",
            "1\f2\u000b3\rhello\nworld")) {
      assertAccepted(validate(answer, team), team);
    }
  }

  @Test
  void whitespaceDifferencesAreRejectedWhenSpaceChangeSensitive() throws IOException {
    String answer = "1 2 3\nhello world\n";
    for (String team :
        List.of(
            "1  2 3\nhello world\n",
            "1\t2 3\nhello world\n",
            "1 2 3\r\nhello world\n",
            "1 2 3\nhello world",
            "\n1 2 3\nhello world\n",
            "1 2 3\nhello world\n\n",
            " 1 2 3\nhello world\n",
            "1 2 3 hello world\n")) {
      assertRejected(validate(answer, team, "space_change_sensitive"), "Space change error", team);
    }
    assertAccepted(validate(answer, answer, "space_change_sensitive"), answer);
  }

  @Test
  void spaceChangeMessageNamesBothWhitespaces() throws IOException {
    ValidatorOutcome outcome = validate("a\nb\nc d\n", "a\nb\nc\td\n", "space_change_sensitive");
    assertEquals(
        "Wrong answer on line 3 of output (corresponding to line 3 in answer file)\n"
            + "Space change error: judge has space, team has tab",
        outcome.judgeMessage());
    outcome = validate("a\n", "a", "space_change_sensitive");
    assertTrue(
        outcome.judgeMessage().endsWith("judge has newline, team has end of file"),
        outcome.judgeMessage());
  }

  @Test
  void comparisonIsCaseInsensitiveByDefault() throws IOException {
    assertAccepted(validate("Hello WORLD\n", "hELLO world\n"), "mixed case");
    assertRejected(validate("Hello\n", "Hellp\n"), "String tokens mismatch", "other letter");
  }

  @Test
  void caseInsensitivityFoldsAsciiLettersOnly() throws IOException {
    // 'Ä' and 'ä' differ in UTF-8 bytes; only A–Z fold.
    assertRejected(validate("Ä\n", "ä\n"), "String tokens mismatch", "non-ASCII");
    // '@' (0x40) and '`' (0x60) differ by the same bit as A/a but are not letters.
    assertRejected(validate("@\n", "`\n"), "String tokens mismatch", "punctuation");
  }

  @Test
  void caseSensitiveFlagRejectsCaseDifferences() throws IOException {
    ValidatorOutcome outcome = validate("Hello\n", "hello\n", "case_sensitive");
    assertRejected(outcome, "differ in case only", "case");
    assertAccepted(validate("Hello\n", "Hello\n", "case_sensitive"), "same case");
  }

  @Test
  void stringMismatchMessageShowsLinesAndTokens() throws IOException {
    ValidatorOutcome outcome = validate("x\ny\nabc\n", "x\ny\nabd\n");
    assertEquals(
        "Wrong answer on line 3 of output (corresponding to line 3 in answer file)\n"
            + "String tokens mismatch\n"
            + "Judge: \"abc\"\n"
            + "Team:  \"abd\"",
        outcome.judgeMessage());
    outcome = validate("x y\nz\n", "x\n\n\ny\nw\n");
    assertTrue(
        outcome
            .judgeMessage()
            .startsWith("Wrong answer on line 5 of output (corresponding to line 2"),
        outcome.judgeMessage());
  }

  // --- floats ---

  @Test
  void absoluteToleranceOnly() throws IOException {
    String[] flags = {"float_absolute_tolerance", "0.01"};
    assertAccepted(validate("1.000\n", "1.009\n", flags), "within absolute");
    assertAccepted(validate("1000.000\n", "999.995\n", flags), "within absolute, large value");
    assertRejected(
        validate("1000\n", "1000.02\n", flags), "exceeds tolerance", "relative irrelevant");
  }

  @Test
  void relativeToleranceOnly() throws IOException {
    String[] flags = {"float_relative_tolerance", "0.01"};
    assertAccepted(validate("1000\n", "1009.9\n", flags), "within relative");
    assertRejected(validate("0.001\n", "0.0011\n", flags), "exceeds tolerance", "over relative");
    // A zero answer only accepts zero under a relative tolerance: ε·|0| = 0.
    assertRejected(validate("0\n", "1e-300\n", flags), "exceeds tolerance", "zero answer");
    assertAccepted(validate("0\n", "-0.0\n", flags), "signed zero");
  }

  @Test
  void eitherToleranceAcceptsWhenBothAreSet() throws IOException {
    String[] flags = {
      "float_absolute_tolerance", "0.01", "float_relative_tolerance", "0.001",
    };
    assertAccepted(validate("1\n", "1.009\n", flags), "absolute accepts, relative does not");
    assertAccepted(validate("1000\n", "1000.9\n", flags), "relative accepts, absolute does not");
    assertRejected(validate("1000\n", "1001.1\n", flags), "exceeds tolerance", "neither");
  }

  @Test
  void floatToleranceSetsBoth() throws IOException {
    String[] flags = {"float_tolerance", "1e-6"};
    assertAccepted(validate("0.0000001\n", "0.0000009\n", flags), "absolute side");
    assertAccepted(validate("1e12\n", "1000000900000\n", flags), "relative side");
    ValidatorOutcome outcome = validate("1\n", "1.012\n", flags);
    assertTrue(
        outcome
            .judgeMessage()
            .matches("(?s).*Floating-point difference 0\\.01[0-9]* exceeds tolerance 1\\.0E-6.*"),
        outcome.judgeMessage());
  }

  @Test
  void integersAreFloatsWhenAToleranceIsSet() throws IOException {
    String[] flags = {"float_absolute_tolerance", "0.5"};
    assertAccepted(validate("3\n", "3.4\n", flags), "integer answer");
    assertAccepted(validate("1e3\n", "1000.0\n", flags), "exponent vs decimal");
    assertAccepted(validate("0.0314\n", "3.14000000e-2\n", flags), "legacy spec example");
    assertAccepted(validate("-5.\n", "-.5e1\n", flags), "bare dots");
    assertAccepted(validate("+2\n", "2E+0\n", flags), "signs");
  }

  @Test
  void teamTokenThatIsNotANumberIsRejected() throws IOException {
    String[] flags = {"float_tolerance", "1e-6"};
    for (String team :
        List.of("abc", "nan", "NaN", "inf", "Infinity", "1e", "0x1p3", "1.0f", ".")) {
      assertRejected(
          validate("1.0\n", team + "\n", flags), "Team token is not a floating-point number", team);
    }
  }

  @Test
  void answerTokenThatIsNotANumberIsComparedAsAString() throws IOException {
    String[] flags = {"float_tolerance", "1e-6"};
    assertAccepted(validate("YES 1.0\n", "yes 1.0000001\n", flags), "word then number");
    assertAccepted(validate("inf\n", "INF\n", flags), "inf is a word");
    assertRejected(validate("inf\n", "1e400\n", flags), "String tokens mismatch", "inf vs number");
  }

  @Test
  void numbersBeyondTheDoubleRangeMatchOnlyTheSameInfinity() throws IOException {
    String[] flags = {"float_relative_tolerance", "0.1"};
    assertAccepted(validate("1e400\n", "2e500\n", flags), "both overflow to +∞");
    assertRejected(validate("1e400\n", "1e300\n", flags), "beyond the double range", "∞ vs x");
    assertRejected(validate("1e400\n", "-1e400\n", flags), "beyond the double range", "+∞ vs -∞");
  }

  @Test
  void withoutAToleranceFloatsAreStrings() throws IOException {
    assertRejected(validate("1.0\n", "1\n"), "String tokens mismatch", "1.0 vs 1");
    assertRejected(validate("1e3\n", "1E3\n", "case_sensitive"), "String tokens mismatch", "case");
    assertAccepted(validate("1e3\n", "1E3\n"), "case-insensitive string");
  }

  // --- token counts ---

  @Test
  void tooManyTokensIsRejected() throws IOException {
    ValidatorOutcome outcome = validate("1 2 3 4 5\n", "1 2 3 4 5\nextra\n");
    assertEquals(
        "Wrong answer on line 2 of output (corresponding to line 1 in answer file)\n"
            + "Too many tokens in output: judge answer ended after 5 tokens\n"
            + "Team:  \"extra\"",
        outcome.judgeMessage());
  }

  @Test
  void tooFewTokensIsRejected() throws IOException {
    ValidatorOutcome outcome = validate("1 2\n3\n", "1 2\n");
    assertEquals(
        "Wrong answer on line 1 of output (corresponding to line 2 in answer file)\n"
            + "Too few tokens in output: team output ended after 2 tokens\n"
            + "Judge: \"3\"",
        outcome.judgeMessage());
    assertRejected(validate("1\n", ""), "Too few tokens", "empty output");
  }

  @Test
  void emptyOutputMatchesEmptyAnswer() throws IOException {
    assertAccepted(validate("", ""), "both empty");
    assertAccepted(validate("", "\n \n"), "blank output");
    assertAccepted(validate("\n", "\n", "space_change_sensitive"), "same blank line");
    assertRejected(validate("", "\n", "space_change_sensitive"), "Space change error", "newline");
    assertRejected(validate("", "x"), "Too many tokens", "one token");
  }

  // --- size ---

  @Test
  void largeOutputIsStreamed() throws IOException {
    // ~50 MB each: with the default heap this passes only if neither file is held whole (and the
    // reader's buffer, not the file, decides how much is in memory).
    byte[] line = "12345 abcdef 3.25\n".getBytes(StandardCharsets.US_ASCII);
    byte[] teamLine = "12345  ABCDEF\t3.25000\n".getBytes(StandardCharsets.US_ASCII);
    long lines = 50_000_000L / line.length;
    Path answer = repeat("big.ans", line, lines);
    Path team = repeat("big.out", teamLine, lines);
    DefaultValidatorFlags flags = DefaultValidatorFlags.parse(List.of("float_tolerance", "1e-9"));
    assertAccepted(DefaultValidator.validate(answer, team, flags), "50 MB");
  }

  @Test
  void oversizeTeamTokenIsRejected() throws IOException {
    Path answer = write("a.ans", "y\nz\n");
    Path team = dir.resolve("a.out");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(team))) {
      out.write("y\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i <= DefaultValidator.MAX_TOKEN_BYTES; i++) {
        out.write('z');
      }
    }
    ValidatorOutcome outcome =
        DefaultValidator.validate(answer, team, DefaultValidatorFlags.DEFAULT);
    assertFalse(outcome.accepted());
    assertEquals("Token on line 2 of output is longer than 16777216 bytes", outcome.judgeMessage());
  }

  @Test
  void tokenOfExactlyTheLimitIsRead() throws IOException {
    byte[] token = new byte[DefaultValidator.MAX_TOKEN_BYTES];
    java.util.Arrays.fill(token, (byte) 'q');
    Path answer = dir.resolve("limit.ans");
    Files.write(answer, token);
    assertAccepted(
        DefaultValidator.validate(answer, answer, DefaultValidatorFlags.DEFAULT), "16 MiB token");
  }

  @Test
  void oversizeAnswerTokenIsAJudgeError() throws IOException {
    Path answer = dir.resolve("huge.ans");
    Files.write(answer, new byte[DefaultValidator.MAX_TOKEN_BYTES + 1]);
    Path team = write("huge.out", "x\n");
    IOException e =
        assertThrows(
            IOException.class,
            () -> DefaultValidator.validate(answer, team, DefaultValidatorFlags.DEFAULT));
    assertTrue(e.getMessage().contains("huge.ans"), e.getMessage());
    assertTrue(e.getMessage().contains("of answer file is longer than"), e.getMessage());
  }

  @Test
  void longTokensAreTruncatedSoTheMessageStaysUnderOneKibibyte() throws IOException {
    // Control bytes are escaped to four characters each: the worst case for the message size.
    String judge = "\u0001".repeat(20_000) + "a";
    String team = "\u0001".repeat(20_000) + "b";
    ValidatorOutcome outcome =
        validate("1".repeat(30) + "\n" + judge + "\n", "1".repeat(30) + "\n" + team + "\n");
    assertFalse(outcome.accepted());
    assertTrue(
        outcome.judgeMessage().getBytes(StandardCharsets.UTF_8).length <= 1024,
        outcome.judgeMessage());
    assertTrue(outcome.judgeMessage().contains("…\" (20001 bytes)"), outcome.judgeMessage());
  }

  @Test
  void missingFileIsAnIoError() {
    assertThrows(
        IOException.class,
        () ->
            DefaultValidator.validate(
                dir.resolve("none.ans"), dir.resolve("none.out"), DefaultValidatorFlags.DEFAULT));
  }

  // --- flag errors surface before any file is read ---

  @Test
  void everyFlagErrorIsAnIllegalArgument() {
    for (List<String> args :
        List.of(
            List.of("ignore_case"),
            List.of("float_tolerance"),
            List.of("float_tolerance", "x"),
            List.of("float_absolute_tolerance", "-1e-6"),
            List.of("float_relative_tolerance", "1e-6", "float_relative_tolerance", "1e-6"),
            List.of("float_tolerance", "1e-6", "float_absolute_tolerance", "1e-6"))) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> DefaultValidatorFlags.parse(args),
              args::toString);
      assertTrue(e.getMessage().startsWith("default validator: "), e.getMessage());
    }
  }

  private ValidatorOutcome validate(String answer, String team, String... flags)
      throws IOException {
    return DefaultValidator.validate(
        write("t.ans", answer), write("t.out", team), DefaultValidatorFlags.parse(List.of(flags)));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private Path repeat(String name, byte[] line, long times) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (long i = 0; i < times; i++) {
        out.write(line);
      }
    }
    return file;
  }

  private static void assertAccepted(ValidatorOutcome outcome, String what) {
    assertTrue(outcome.accepted(), () -> what + ": " + outcome.judgeMessage());
  }

  private static void assertRejected(ValidatorOutcome outcome, String reason, String what) {
    assertFalse(outcome.accepted(), () -> what + ": accepted");
    assertTrue(
        outcome.judgeMessage().contains(reason),
        () -> what + ": expected '" + reason + "' in:\n" + outcome.judgeMessage());
  }
}
