package dev.judgefleet.worker.messaging;

import dev.judgefleet.worker.problem.store.ProblemAnnouncement;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads judge.problems: a push made a version current. The store side remembers it and prefetches
 * the version, so the first submission after a push finds it cached. A record that is not an
 * announcement is logged and skipped (the topic is the setters' tool's, not the contest site's).
 */
@ApplicationScoped
public class ProblemAnnouncementListener {
  private static final Logger LOG = Logger.getLogger(ProblemAnnouncementListener.class);

  @Inject WorkerRuntime runtime;

  // Blocking: an announcement may start a prefetch.
  @Incoming(Channels.PROBLEMS)
  @Blocking
  public void onAnnouncement(byte[] payload) {
    ProblemAnnouncement announcement;
    try {
      announcement = ProblemAnnouncement.parse(payload == null ? new byte[0] : payload);
    } catch (IllegalArgumentException e) {
      LOG.warnf("skipping a record on judge.problems: %s", e.getMessage());
      return;
    }
    Optional<WorkerRuntime.State> running = runtime.current();
    if (running.isEmpty()) {
      // Shutting down: the store is closed already.
      return;
    }
    running
        .get()
        .store()
        .ifPresentOrElse(
            store -> {
              LOG.infof(
                  "problem %s: version %s (content %s) is current, pushed by %s at %s",
                  announcement.problemId(),
                  announcement.packageDigest().shortHex(),
                  announcement.contentVersion(),
                  announcement.pushedBy(),
                  announcement.pushedAt());
              store.announced(announcement);
            },
            () -> LOG.debugf("no problem store configured: ignoring %s", announcement));
  }
}
