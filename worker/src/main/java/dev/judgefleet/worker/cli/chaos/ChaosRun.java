package dev.judgefleet.worker.cli.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.judgefleet.model.VerdictEvent;
import dev.judgefleet.model.WireJson;
import dev.judgefleet.worker.cli.load.LoadGenerator;
import dev.judgefleet.worker.cli.load.WorkloadItem;
import dev.judgefleet.worker.messaging.ClientSession;
import dev.judgefleet.worker.messaging.TopicMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * A chaos run, driven by the load generator's steady load: starts the faults on their own thread at
 * the first tick, mixes the malformed records into the load at a steady rate, feeds every verdict
 * and dead letter to the ledger, and keeps the load going until the faults are done and every
 * malformed record is sent; then waits for the dead letters and a settling time (a stale worker's
 * late verdict would come then).
 */
public final class ChaosRun implements LoadGenerator.Tap {
  private final ChaosLedger ledger;
  private final MalformedMessages malformed;
  private final long malformedTarget;
  private final double malformedPerSecond;
  private final FaultInjector faults;
  private final String verdictsTopic;
  private final String deadLetterTopic;
  private final Duration settle;
  private final ObjectMapper mapper = WireJson.mapper();
  private Thread faultThread;
  private long start;
  private long malformedSent;
  private long settledAt = Long.MAX_VALUE;

  public ChaosRun(
      ChaosLedger ledger,
      MalformedMessages malformed,
      long malformedTarget,
      double malformedPerSecond,
      FaultInjector faults,
      String verdictsTopic,
      String deadLetterTopic,
      Duration settle) {
    this.ledger = ledger;
    this.malformed = malformed;
    this.malformedTarget = malformedTarget;
    this.malformedPerSecond = malformedPerSecond;
    this.faults = faults;
    this.verdictsTopic = verdictsTopic;
    this.deadLetterTopic = deadLetterTopic;
    this.settle = settle;
  }

  @Override
  public void sent(String submissionId, WorkloadItem item) {
    ledger.submitted(submissionId, item.expected());
  }

  @Override
  public void received(TopicMessage message) {
    if (message.topic().equals(deadLetterTopic)) {
      ledger.deadLetter(message.key());
    } else if (message.topic().equals(verdictsTopic)) {
      try {
        ledger.verdict(mapper.readValue(message.value(), VerdictEvent.class));
      } catch (IOException notAVerdict) {
        ledger.foreign();
      }
    }
  }

  @Override
  public void tick(ClientSession kafka) {
    long now = System.nanoTime();
    if (faultThread == null) {
      start = now;
      faultThread = new Thread(faults, "chaos-faults");
      faultThread.setDaemon(true);
      faultThread.start();
    }
    // Spread over the run at the rate; a tick that fell behind sends a few at once.
    long due = Math.min(malformedTarget, (long) ((now - start) / 1e9 * malformedPerSecond) + 1);
    while (malformedSent < due) {
      MalformedMessages.Malformed m = malformed.get(malformedSent);
      ledger.malformedSent(m.key());
      kafka.submitAsync(m.key(), m.value());
      malformedSent++;
    }
  }

  @Override
  public boolean doneSending() {
    boolean done = faults.done() && malformedSent >= malformedTarget;
    if (done && settledAt == Long.MAX_VALUE) {
      settledAt = System.nanoTime() + settle.toNanos();
    }
    return done;
  }

  @Override
  public boolean awaiting() {
    return !ledger.deadLettersComplete() || System.nanoTime() < settledAt;
  }

  /** Stops the faults (Ctrl-C, an error in the load): a stopped worker is resumed by its thread. */
  public void stop() throws InterruptedException {
    if (faultThread != null) {
      faultThread.interrupt();
      faultThread.join(Duration.ofSeconds(30).toMillis());
    }
  }

  /** The chaos side of the progress line. */
  public String status() {
    return String.format(
        Locale.ROOT,
        "  faults %d/%d  malformed %d/%d  dlq %d",
        faults.events().size(),
        faults.planned(),
        malformedSent,
        malformedTarget,
        ledger.deadLettered());
  }
}
