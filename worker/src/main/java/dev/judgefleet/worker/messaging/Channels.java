package dev.judgefleet.worker.messaging;

/** The worker's messaging channels; their Kafka topics are configured under judge.worker.topics. */
public final class Channels {
  public static final String SUBMISSIONS = "submissions";

  /** The low lane (judge.rejudges): rejudges and practice, judged after live submissions. */
  public static final String REJUDGES = "rejudges";

  /** The channels submissions come in on; shutdown pauses them all. */
  public static final java.util.List<String> INTAKE = java.util.List.of(SUBMISSIONS, REJUDGES);

  public static final String VERDICTS = "verdicts";
  public static final String PROGRESS = "progress";
  public static final String DEAD_LETTERS = "dead-letters";

  /**
   * Problem announcements (judge.problems, compacted): every worker reads all of them, from the
   * start, in a consumer group of its own (see WorkerDefaults).
   */
  public static final String PROBLEMS = "problems";

  /** The record headers a dead-lettered submission carries. */
  public static final String HEADER_REASON = "judgefleet-dlq-reason";

  public static final String HEADER_TOPIC = "judgefleet-dlq-topic";
  public static final String HEADER_PARTITION = "judgefleet-dlq-partition";
  public static final String HEADER_OFFSET = "judgefleet-dlq-offset";

  private Channels() {}
}
