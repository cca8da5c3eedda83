package dev.judgefleet.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionValidatorTest {

  private static final SubmissionPolicy POLICY = Goldens.POLICY;
  private static final int MIB = 1024 * 1024;

  private static List<Violation> validate(SubmissionBuilder submission) {
    return SubmissionValidator.validate(submission.build(), POLICY);
  }

  private static SubmissionBuilder valid() {
    return new SubmissionBuilder();
  }

  private static SourceFile file(String name, String content) {
    return SourceFile.of(name, content.getBytes(UTF_8));
  }

  private static List<Violation> only(String field, String message) {
    return List.of(new Violation(field, message));
  }

  @Test
  void aValidSubmissionHasNoViolations() {
    assertEquals(List.of(), validate(valid()));
    assertEquals(List.of(), SubmissionValidator.validate(Goldens.submissionSource(), POLICY));
    assertEquals(List.of(), SubmissionValidator.validate(Goldens.submissionFiles(), POLICY));
    assertEquals(List.of(), SubmissionValidator.validate(Goldens.submissionInlineTests(), POLICY));
  }

  // --- schemaVersion

  @Test
  void schemaVersionZeroIsAnAbsentField() {
    assertEquals(
        only("schemaVersion", "schemaVersion is missing"), validate(valid().schemaVersion(0)));
  }

  @Test
  void schemaVersionNewerThanSupported() {
    assertEquals(
        only(
            "schemaVersion",
            "schemaVersion 2 is newer than the supported 1: this worker cannot read it"),
        validate(valid().schemaVersion(2)));
  }

  @Test
  void schemaVersionNegative() {
    assertEquals(
        only("schemaVersion", "schemaVersion -1 is not a version (the first is 1)"),
        validate(valid().schemaVersion(-1)));
  }

  // --- ids

  @Test
  void submissionIdMissing() {
    assertEquals(
        only("submissionId", "submissionId is missing"), validate(valid().submissionId(null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "team 17", ".", "..", "a/b", "ü", "id\u0000"})
  void submissionIdOutsideTheAlphabet(String id) {
    List<Violation> violations = validate(valid().submissionId(id));
    assertEquals(1, violations.size(), violations::toString);
    assertEquals("submissionId", violations.get(0).field());
    assertTrue(
        violations
            .get(0)
            .message()
            .endsWith("is not 1 to 128 of the characters A-Z a-z 0-9 . _ : - (and not . or ..)"),
        violations.get(0)::message);
  }

  @Test
  void submissionIdLengthIsOneTo128() {
    assertEquals(List.of(), validate(valid().submissionId("a")));
    assertEquals(List.of(), validate(valid().submissionId("a".repeat(128))));
    assertEquals(
        only(
            "submissionId",
            "submissionId '"
                + "a".repeat(64)
                + "…' is not 1 to 128 of the characters A-Z a-z 0-9 . _ : - (and not . or ..)"),
        validate(valid().submissionId("a".repeat(129))));
  }

  @Test
  void quotedValuesStayOnOneLine() {
    String message = validate(valid().submissionId("x\ny\u001b[31m")).get(0).message();
    assertTrue(message.startsWith("submissionId 'x\\u000ay\\u001b[31m' is not"), message);
  }

  @Test
  void problemIdMissingOrMalformed() {
    assertEquals(only("problemId", "problemId is missing"), validate(valid().problemId(null)));
    assertEquals(
        only(
            "problemId",
            "problemId 'hello world' is not 1 to 128 of the characters A-Z a-z 0-9 . _ : - (and"
                + " not . or ..)"),
        validate(valid().problemId("hello world")));
  }

  @Test
  void problemVersionIsOptionalButWellFormed() {
    assertEquals(List.of(), validate(valid().problemVersion(null)));
    assertEquals(List.of(), validate(valid().problemVersion("2024-11-24.3")));
    assertEquals("problemVersion", validate(valid().problemVersion("../v1")).get(0).field());
  }

  // --- language

  @Test
  void languageMissing() {
    assertEquals(only("language", "language is missing"), validate(valid().language(null)));
  }

  @Test
  void languageUnknownListsTheKnownOnesSorted() {
    assertEquals(
        only("language", "language 'cobol' is not one of c, cpp, java, python3"),
        validate(valid().language("cobol")));
  }

  @Test
  void languageIsCaseSensitive() {
    assertEquals("language", validate(valid().language("CPP")).get(0).field());
  }

  // --- source

  @Test
  void sourceOverTheSizeCap() {
    assertEquals(
        only("source", "source is 2097152 bytes, over the limit of 1048576"),
        validate(valid().source("x".repeat(2 * MIB))));
  }

  @Test
  void sourceAtTheSizeCapIsAccepted() {
    assertEquals(List.of(), validate(valid().source("x".repeat(MIB))));
  }

  @Test
  void sourceSizeCountsUtf8Bytes() {
    // 'é' is two bytes in UTF-8: half a MiB of them and an 'x' are a MiB and a byte
    assertEquals(
        only("source", "source is 1048577 bytes, over the limit of 1048576"),
        validate(valid().source("é".repeat(MIB / 2) + "x")));
  }

  @Test
  void sourceAndFilesBothMissing() {
    assertEquals(
        only("source", "source is missing: give the program as source or as files"),
        validate(valid().source(null)));
  }

  @Test
  void sourceAndFilesBothGiven() {
    assertEquals(
        only("files", "source and files are both given: give exactly one"),
        validate(valid().files(file("main.cpp", "int main(){}")).source("int main(){}")));
  }

  // --- files

  @Test
  void filesEmpty() {
    assertEquals(
        only("files", "files is empty: give at least the main file"), validate(valid().files()));
  }

  @Test
  void tooManyFiles() {
    SourceFile[] files =
        IntStream.range(0, 65).mapToObj(i -> file("f" + i + ".c", "")).toArray(SourceFile[]::new);
    assertEquals(
        only("files", "files has 65 entries, over the limit of 64"),
        validate(valid().files(files)));
  }

  @Test
  void fileNameMissing() {
    assertEquals(
        only("files[0].name", "files[0].name is missing"),
        validate(valid().files(new SourceFile(null, ""))));
  }

  @Test
  void fileNameWithADirectory() {
    assertEquals(
        only(
            "files[1].name",
            "files[1].name 'src/Solver.java' is not a plain file name: it has a directory"),
        validate(valid().files(file("Main.java", ""), file("src/Solver.java", ""))));
    assertEquals(
        "files[0].name 'a\\b.c' is not a plain file name: it has a directory",
        validate(valid().files(file("a\\b.c", ""))).get(0).message());
  }

  @Test
  void fileNameWithDotDot() {
    assertEquals(
        only("files[0].name", "files[0].name '..' is not a plain file name: it contains '..'"),
        validate(valid().files(file("..", ""))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", ".hidden", "-o", "-fplugin=x.so", "a b.c", "ä.c", "a;b"})
  void fileNameOutsideTheAlphabet(String name) {
    List<Violation> violations = validate(valid().files(file(name, "")));
    assertEquals(1, violations.size(), violations::toString);
    assertEquals("files[0].name", violations.get(0).field());
    assertTrue(
        violations
            .get(0)
            .message()
            .endsWith(
                "is not a plain file name: use 1 to 255 of A-Z a-z 0-9 . _ + -, not starting with"
                    + " . or -"),
        violations.get(0)::message);
  }

  @Test
  void fileNameLengthIsAtMost255() {
    assertEquals(List.of(), validate(valid().files(file("a".repeat(255), ""))));
    assertEquals(
        "files[0].name", validate(valid().files(file("a".repeat(256), ""))).get(0).field());
  }

  @Test
  void fileNamesAreUnique() {
    assertEquals(
        only("files[2].name", "files[2].name 'Main.java' is already used by files[0]"),
        validate(
            valid()
                .files(file("Main.java", "a"), file("Solver.java", "b"), file("Main.java", "c"))));
  }

  @Test
  void fileContentMissing() {
    assertEquals(
        only("files[0].contentBase64", "files[0].contentBase64 is missing"),
        validate(valid().files(new SourceFile("main.c", null))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64!", "aGVsbG8=\n", "A", "aGVsbG8===", "aGV sbG8="})
  void fileContentNotBase64(String content) {
    assertEquals(
        only("files[0].contentBase64", "files[0].contentBase64 is not valid Base64"),
        validate(valid().files(new SourceFile("main.c", content))));
  }

  @Test
  void filesOverTheSizeCapTogether() {
    assertEquals(
        only("files", "source is 1048577 bytes in 2 files, over the limit of 1048576"),
        validate(
            valid().files(file("a.c", "x".repeat(MIB / 2)), file("b.c", "x".repeat(MIB / 2 + 1)))));
  }

  // --- limits

  @Test
  void timeLimitAboveTheWorkersMaximum() {
    assertEquals(
        only("limits.timeMs", "limits.timeMs 120000 is above the worker's maximum 60000"),
        validate(valid().limits(120_000L, null, null)));
  }

  @Test
  void memoryAndOutputLimitsAboveTheWorkersMaximum() {
    assertEquals(
        List.of(
            new Violation(
                "limits.memoryBytes",
                "limits.memoryBytes 8589934592 is above the worker's maximum 4294967296"),
            new Violation(
                "limits.outputBytes",
                "limits.outputBytes 1073741825 is above the worker's maximum 1073741824")),
        validate(valid().limits(null, 8L << 30, (1L << 30) + 1)));
  }

  @Test
  void limitsAtTheWorkersMaximumAreAccepted() {
    assertEquals(List.of(), validate(valid().limits(60_000L, 4L << 30, 1L << 30)));
  }

  @Test
  void limitsMustBePositive() {
    assertEquals(
        List.of(
            new Violation("limits.timeMs", "limits.timeMs 0 is not positive"),
            new Violation("limits.memoryBytes", "limits.memoryBytes -1 is not positive"),
            new Violation("limits.outputBytes", "limits.outputBytes 0 is not positive")),
        validate(valid().limits(0L, -1L, 0L)));
  }

  // --- inline tests

  @Test
  void tooManyInlineTests() {
    List<InlineTest> tests =
        IntStream.range(0, 33).mapToObj(i -> new InlineTest("t" + i, "", null)).toList();
    assertEquals(
        only("tests", "tests has 33 entries, over the limit of 32"),
        validate(valid().tests(tests)));
  }

  @Test
  void inlineTestNameAndInputMissing() {
    assertEquals(
        List.of(
            new Violation("tests[0].name", "tests[0].name is missing"),
            new Violation("tests[0].input", "tests[0].input is missing")),
        validate(valid().tests(List.of(new InlineTest(null, null, "42\n")))));
  }

  @Test
  void inlineTestNameMalformedOrRepeated() {
    assertEquals(
        List.of(
            new Violation(
                "tests[0].name",
                "tests[0].name 'my test' is not 1 to 128 of the characters A-Z a-z 0-9 . _ : -"
                    + " (and not . or ..)"),
            new Violation("tests[2].name", "tests[2].name 'a' is already used by tests[1]")),
        validate(
            valid()
                .tests(
                    List.of(
                        new InlineTest("my test", "", null),
                        new InlineTest("a", "", null),
                        new InlineTest("a", "", null)))));
  }

  @Test
  void inlineTestOverTheSizeCapCountsInputAndAnswer() {
    assertEquals(
        only("tests[0]", "tests[0] is 1048577 bytes (input and answer), over the limit of 1048576"),
        validate(valid().tests(List.of(new InlineTest("big", "x".repeat(MIB), "y")))));
    assertEquals(
        List.of(), validate(valid().tests(List.of(new InlineTest("big", "x".repeat(MIB), null)))));
  }

  // --- attempt, metadata

  @ParameterizedTest
  @ValueSource(ints = {0, -3})
  void attemptBelowOne(int attempt) {
    assertEquals(
        only("attempt", "attempt " + attempt + " is below 1 (the first judging is attempt 1)"),
        validate(valid().attempt(attempt)));
  }

  @Test
  void metadataOverItsCap() {
    // {"note":"…"} is 11 bytes around the text
    assertEquals(
        only("metadata", "metadata is 16385 bytes as JSON, over the limit of 16384"),
        validate(valid().metadata(Map.of("note", "x".repeat(16384 - 11 + 1)))));
    assertEquals(List.of(), validate(valid().metadata(Map.of("note", "x".repeat(16384 - 11)))));
  }

  // --- all at once

  @Test
  void reportsEveryProblemInFieldOrder() {
    List<InlineTest> tests = new ArrayList<>();
    tests.add(new InlineTest("t", null, null));
    List<Violation> violations =
        validate(
            valid()
                .schemaVersion(0)
                .submissionId(null)
                .problemId("a b")
                .language("cobol")
                .files(new SourceFile("../x", "%%%"))
                .limits(120_000L, null, 0L)
                .tests(tests)
                .attempt(0));
    assertEquals(
        List.of(
            "schemaVersion",
            "submissionId",
            "problemId",
            "language",
            "files[0].name",
            "files[0].contentBase64",
            "limits.timeMs",
            "limits.outputBytes",
            "tests[0].input",
            "attempt"),
        violations.stream().map(Violation::field).toList());
  }
}
