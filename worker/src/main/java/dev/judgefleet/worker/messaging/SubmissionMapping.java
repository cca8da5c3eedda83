package dev.judgefleet.worker.messaging;

import dev.judgefleet.model.InlineTest;
import dev.judgefleet.model.JudgedBy;
import dev.judgefleet.model.SourceFile;
import dev.judgefleet.model.Submission;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.model.VerdictReason;
import dev.judgefleet.worker.WorkerVersion;
import dev.judgefleet.worker.judge.SourceBundle;
import dev.judgefleet.worker.judge.VerdictEvents;
import dev.judgefleet.worker.service.JudgeRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Between the wire's submission and the judging service's request. */
@ApplicationScoped
public class SubmissionMapping {
  /** A valid submission as a request: its files, the overrides, the inline tests. */
  public JudgeRequest request(Submission s) {
    SourceBundle source;
    if (s.source() != null) {
      source = SourceBundle.of(s.source().getBytes(StandardCharsets.UTF_8));
    } else {
      // The validator has checked the names (plain, unique) and the Base64 already.
      Map<String, byte[]> others = new LinkedHashMap<>();
      for (SourceFile file : s.files().subList(1, s.files().size())) {
        others.put(file.name(), file.content().orElseThrow());
      }
      source =
          new SourceBundle(s.files().get(0).content().orElseThrow(), others)
              .named(s.files().get(0).name());
    }
    List<JudgeRequest.InlineTest> tests =
        s.tests() == null ? List.of() : s.tests().stream().map(SubmissionMapping::inline).toList();
    return new JudgeRequest(
        s.submissionId(),
        s.attempt(),
        s.problemId(),
        Optional.ofNullable(s.problemVersion()),
        s.language(),
        source,
        tests,
        Optional.ofNullable(s.limits()).map(l -> l.timeMs()).map(Duration::ofMillis),
        Optional.ofNullable(s.limits()).map(l -> l.memoryBytes()),
        Optional.ofNullable(s.limits()).map(l -> l.outputBytes()),
        Optional.ofNullable(s.submittedAt()),
        s.metadata() == null ? Map.of() : s.metadata());
  }

  private static JudgeRequest.InlineTest inline(InlineTest t) {
    return new JudgeRequest.InlineTest(
        t.name(),
        t.input().getBytes(StandardCharsets.UTF_8),
        Optional.ofNullable(t.answer()).map(a -> a.getBytes(StandardCharsets.UTF_8)));
  }

  /** The IE verdict for a submission whose id could be read but that is not valid. */
  public VerdictEvent rejected(String submissionId, String reason, String node) {
    VerdictEvents.Context context =
        new VerdictEvents.Context(
            submissionId,
            1,
            UUID.randomUUID().toString(),
            null,
            null,
            new JudgedBy(node, -1, WorkerVersion.get()),
            null,
            null,
            false);
    return VerdictEvents.internalError(
        context, VerdictReason.INVALID_SUBMISSION, "the submission was rejected: " + reason);
  }
}
