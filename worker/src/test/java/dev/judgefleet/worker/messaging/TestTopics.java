package dev.judgefleet.worker.messaging;

import java.util.List;
import java.util.UUID;

/**
 * The topic names of one test run, given to the worker through its configuration ({@code
 * judge.worker.topics.*}) as an operator would. They are not the defaults, so a test proves the
 * worker reads them, and runs sharing a broker never see each other's messages.
 */
record TestTopics(
    String submissions,
    String verdicts,
    String progress,
    String deadLetters,
    String problems,
    String rejudges) {

  /** Fresh names under a prefix of their own: {@code it-1a2b3c4d.submissions}, ... */
  static TestTopics fresh() {
    String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    return new TestTopics(
        prefix + "submissions",
        prefix + "verdicts",
        prefix + "progress",
        prefix + "submissions.dlq",
        prefix + "problems",
        prefix + "rejudges");
  }

  /** The worker's settings that name them. */
  List<String> properties() {
    return List.of(
        "-Djudge.worker.topics.submissions=" + submissions,
        "-Djudge.worker.topics.verdicts=" + verdicts,
        "-Djudge.worker.topics.progress=" + progress,
        "-Djudge.worker.topics.dead-letters=" + deadLetters,
        "-Djudge.worker.topics.problems=" + problems,
        "-Djudge.worker.topics.rejudges=" + rejudges);
  }
}
