package dev.judgefleet.model;

import java.util.Objects;
import java.util.Optional;

/** What {@link SubmissionParser} made of a message: a submission to judge, or why there is none. */
public sealed interface SubmissionParseResult {

  /** A submission that passed validation: judge it. */
  record Parsed(Submission submission) implements SubmissionParseResult {
    public Parsed {
      Objects.requireNonNull(submission, "submission");
    }
  }

  /**
   * A message that cannot be judged: it goes to the DLQ with the reason and, when its id could be
   * read, an IE verdict for that id says why (the contestant is never blamed for it).
   *
   * @param reason one line: what is wrong, naming the field
   * @param submissionId the message's id when it is well-formed JSON with a well-formed id, else
   *     empty
   */
  record Malformed(String reason, Optional<String> submissionId) implements SubmissionParseResult {
    public Malformed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(submissionId, "submissionId");
    }
  }
}
