package dev.judgefleet.worker.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Submissions whose problem package could not be had because the store did not answer. Each left
 * its slot (cached problems keep being judged) but not Kafka: it is not acknowledged, so its offset
 * is not committed, and a crash or rebalance delivers it again. A probe asks the store, with
 * backoff, whether it answers again; then every waiting submission is tried again on a thread of
 * its own (it takes a judging slot like any other). On shutdown the waiting ones are simply handed
 * back, like those in flight.
 */
@ApplicationScoped
public class StoreWait {
  private static final Logger LOG = Logger.getLogger(StoreWait.class);
  private static final Duration FIRST_PROBE = Duration.ofSeconds(1);
  private static final Duration LAST_PROBE = Duration.ofSeconds(15);

  @Inject WorkerRuntime runtime;
  @Inject ShutdownGate gate;

  private final List<Runnable> waiting = new ArrayList<>();
  private ScheduledExecutorService probe;
  private ExecutorService retries;
  private Duration nextProbe = FIRST_PROBE;

  /**
   * Parks a submission until the store answers; {@code retry} judges it then (and acknowledges it,
   * or parks it again should the store be gone again).
   */
  public synchronized void park(Runnable retry) {
    waiting.add(retry);
    if (retries == null) {
      retries =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "judge-store-retry");
                t.setDaemon(true);
                return t;
              });
    }
    if (probe == null) {
      probe =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "judge-store-probe");
                t.setDaemon(true);
                return t;
              });
      schedule();
    }
  }

  /** How many submissions wait for the store. */
  public synchronized int size() {
    return waiting.size();
  }

  private synchronized void schedule() {
    if (probe == null) {
      // Shut down meanwhile.
      return;
    }
    probe.schedule(this::probe, nextProbe.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void probe() {
    if (gate.draining()) {
      return;
    }
    boolean back;
    try {
      back = runtime.state().problems().reachable();
    } catch (RuntimeException e) {
      back = false;
    }
    List<Runnable> ready;
    synchronized (this) {
      if (!back) {
        nextProbe =
            nextProbe.multipliedBy(2).compareTo(LAST_PROBE) > 0
                ? LAST_PROBE
                : nextProbe.multipliedBy(2);
        if (!waiting.isEmpty()) {
          schedule();
        } else {
          stopProbing();
        }
        return;
      }
      ready = List.copyOf(waiting);
      waiting.clear();
      nextProbe = FIRST_PROBE;
      stopProbing();
    }
    LOG.infof("the problem store answers again: judging %d waiting submissions", ready.size());
    ready.forEach(retries::execute);
  }

  /** The next park starts a new probe (the old executor finishes its last task and ends). */
  private void stopProbing() {
    probe.shutdown();
    probe = null;
  }

  void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
    synchronized (this) {
      if (!waiting.isEmpty()) {
        LOG.warnf(
            "handing back %d submissions that wait for the problem store (not committed)",
            waiting.size());
      }
      waiting.clear();
      if (probe != null) {
        probe.shutdownNow();
        probe = null;
      }
    }
    if (retries != null) {
      retries.shutdownNow();
    }
  }
}
