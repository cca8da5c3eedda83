package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.judge.Lane;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The topic a command line's {@code --lane} names: live work or rejudges. */
final class LaneTopics {
  private LaneTopics() {}

  /** The lane {@code text} names; a usage error for anything else. */
  static Lane lane(CommandSpec spec, String text) {
    try {
      return Lane.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--lane: " + e.getMessage());
    }
  }

  static String topic(CommandSpec spec, WorkerConfig.Topics topics, String lane) {
    return topic(topics, lane(spec, lane));
  }

  static String topic(WorkerConfig.Topics topics, Lane lane) {
    return lane == Lane.LIVE ? topics.submissions() : topics.rejudges();
  }
}
