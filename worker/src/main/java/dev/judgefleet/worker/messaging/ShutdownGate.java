package dev.judgefleet.worker.messaging;

import dev.judgefleet.worker.WorkerConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Graceful shutdown. On SIGTERM: stop taking submissions (pause both lanes' channels, and turn away
 * any already fetched), let those in flight finish for up to the grace period, then let the process
 * go. What did not finish is handed back: never acknowledged, so its offset is not committed and
 * another worker (or this one, restarted) judges it; never nacked, so it is not dead-lettered.
 */
@ApplicationScoped
public class ShutdownGate {
  private static final Logger LOG = Logger.getLogger(ShutdownGate.class);

  @Inject WorkerConfig config;
  @Inject ChannelRegistry channels;
  @Inject WorkerRuntime runtime;

  private boolean draining;
  private volatile boolean abandoned;
  private int inFlight;

  /** Whether a submission may start; every admitted one must call {@link #done()}. */
  public synchronized boolean admit() {
    if (draining) {
      return false;
    }
    inFlight++;
    return true;
  }

  public synchronized void done() {
    inFlight--;
    notifyAll();
  }

  public synchronized boolean draining() {
    return draining;
  }

  /**
   * Whether the grace period is over: whatever finishes now is dropped (no verdict, no ack), as the
   * engine under it is being stopped and its result cannot be trusted.
   */
  public boolean abandoned() {
    return abandoned;
  }

  // PLATFORM_BEFORE: before the messaging connectors close, so verdicts can still be sent and
  // offsets committed while in-flight submissions finish.
  void onShutdown(@Observes @Priority(0) ShutdownEvent event) {
    runtime.shutdown();
    if (!runtime.started()) {
      // A command-line run: there is no worker to drain.
      return;
    }
    long graceMillis = config.worker().shutdownGrace().toMillis();
    int left;
    synchronized (this) {
      draining = true;
      for (String channel : Channels.INTAKE) {
        PausableChannel intake = channels.getPausable(channel);
        if (intake != null) {
          intake.pause();
        }
      }
      LOG.infof("shutting down: %d submissions in flight, %d ms grace", inFlight, graceMillis);
      long deadline = System.currentTimeMillis() + graceMillis;
      while (inFlight > 0 && System.currentTimeMillis() < deadline) {
        try {
          wait(Math.max(1, deadline - System.currentTimeMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      left = inFlight;
    }
    if (left > 0) {
      LOG.warnf("handing back %d unfinished submissions (not committed, not dead-lettered)", left);
    }
    abandoned = true;
    runtime.stop();
  }
}
