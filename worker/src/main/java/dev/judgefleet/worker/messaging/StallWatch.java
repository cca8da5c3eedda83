package dev.judgefleet.worker.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Notices that this process stood still (SIGSTOP, a VM paused, a swap storm) for longer than the
 * consumer's session timeout: the group has then expired this worker and moved its partitions on,
 * whatever the consumer, frozen too, still believes. A thread ticks a few times a second on the
 * monotonic clock (which runs on while the process is stopped); a gap longer than the session
 * timeout is a stall.
 *
 * <p>The consumer learns of the expiry only at its next poll ({@code onPartitionsLost}), and a
 * judging thread that resumes first could publish before that; {@link #stalledSince} closes the
 * race: a tick overdue by the session timeout counts as a stall before the ticker has woken.
 */
@ApplicationScoped
public class StallWatch {
  private static final Logger LOG = Logger.getLogger(StallWatch.class);
  private static final long TICK_MILLIS = 200;

  @ConfigProperty(
      name = "mp.messaging.incoming.submissions.session.timeout.ms",
      defaultValue = "10000")
  long sessionTimeoutMs;

  private LongSupplier clock = System::nanoTime;
  private long thresholdNanos;
  private final AtomicLong stalls = new AtomicLong();
  private volatile long lastTick;

  StallWatch() {}

  /** A watch on {@code clock} that the caller ticks itself (for tests). */
  StallWatch(LongSupplier clock, long thresholdNanos) {
    this.clock = clock;
    this.thresholdNanos = thresholdNanos;
    this.lastTick = clock.getAsLong();
  }

  @PostConstruct
  void start() {
    thresholdNanos = sessionTimeoutMs * 1_000_000L;
    lastTick = clock.getAsLong();
    Thread ticker =
        new Thread(
            () -> {
              while (true) {
                try {
                  Thread.sleep(TICK_MILLIS);
                } catch (InterruptedException e) {
                  return;
                }
                tick();
              }
            },
            "stall-watch");
    ticker.setDaemon(true);
    ticker.start();
  }

  /** One tick: a gap since the last one longer than the threshold is a stall. */
  void tick() {
    long now = clock.getAsLong();
    long gap = now - lastTick;
    if (gap > thresholdNanos) {
      stalls.incrementAndGet();
      LOG.warnf(
          "this process stood still for %d ms (session timeout %d ms): judgings from before are"
              + " not published",
          gap / 1_000_000, thresholdNanos / 1_000_000);
    }
    lastTick = now;
  }

  /** The stalls seen so far; a judging notes it when it starts. */
  public long stalls() {
    return stalls.get();
  }

  /** Whether the process stood still since {@code mark} was taken, or stands still right now. */
  public boolean stalledSince(long mark) {
    return stalls.get() != mark || clock.getAsLong() - lastTick > thresholdNanos;
  }
}
