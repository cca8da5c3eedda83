package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.worker.problem.TestCase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which file of a submit-answer submission answers which test. */
class AnswerFilesTest {
  private static TestCase test(String name) {
    return new TestCase(name, Path.of(name + ".in"), Path.of(name + ".ans"), List.of(), List.of());
  }

  private static Optional<String> answer(SourceBundle submission, String test) {
    return new AnswerFiles(submission, null, null)
        .answerFor(test(test))
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  private static SourceBundle files(String... nameAndText) {
    Map<String, byte[]> others = new LinkedHashMap<>();
    for (int i = 2; i < nameAndText.length; i += 2) {
      others.put(nameAndText[i], nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return new SourceBundle(
        nameAndText[1].getBytes(StandardCharsets.UTF_8), others, Optional.of(nameAndText[0]));
  }

  @Test
  void aTestsAnswerIsTheFileNamedAfterItsBaseName() {
    SourceBundle submission =
        files("01.out", "one", "02.ans", "two", "03.txt", "three", "04", "four", "1.ans", "x");
    assertEquals(Optional.of("one"), answer(submission, "secret/01"));
    assertEquals(Optional.of("two"), answer(submission, "secret/g1/02"));
    assertEquals(Optional.of("three"), answer(submission, "sample/03"));
    assertEquals(Optional.of("four"), answer(submission, "secret/04"));
    assertEquals(Optional.empty(), answer(submission, "secret/05"));
  }

  @Test
  void theFirstOfTheFormatsExtensionsWins() {
    SourceBundle submission = files("7.txt", "txt", "7.ans", "ans", "7.out", "out");
    assertEquals(Optional.of("out"), answer(submission, "secret/7"));
  }

  @Test
  void aSubmissionOfOneFileAnswersEveryTest() {
    SourceBundle single = files("answers.txt", "all");
    assertEquals(Optional.of("all"), answer(single, "secret/1"));
    assertEquals(Optional.of("all"), answer(single, "secret/group/2"));
  }
}
