package dev.judgefleet.worker.cli.chaos;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Injects a plan of faults into a fleet, one at a time on a thread of its own: each waits until the
 * whole fleet serves (every worker ready, every broker listening), a pause, then the fault, then
 * the recovery is timed. A fleet that does not recover in time ends the plan: the run fails.
 */
public final class FaultInjector implements Runnable {
  private static final long POLL_MILLIS = 250;

  /**
   * @param interval the pause between one fault's recovery and the next fault
   * @param stopFor how long a stopped worker stays stopped (longer than the session timeout)
   * @param recoveryTimeout how long the fleet has to serve again after a fault
   */
  public record Settings(Duration interval, Duration stopFor, Duration recoveryTimeout) {}

  private final Fleet fleet;
  private final List<Fault> plan;
  private final Settings settings;
  private final Random random;
  private final Consumer<String> log;
  private final List<FaultEvent> events = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean done;
  private volatile String failure;
  private long start;

  public FaultInjector(
      Fleet fleet, List<Fault> plan, Settings settings, long seed, Consumer<String> log) {
    this.fleet = fleet;
    this.plan = List.copyOf(plan);
    this.settings = settings;
    this.random = new Random(seed);
    this.log = log;
  }

  /** The plan: so many of each fault, in an order drawn from the seed. */
  public static List<Fault> plan(int kills, int brokerRestarts, int stops, long seed) {
    List<Fault> plan = new ArrayList<>();
    plan.addAll(Collections.nCopies(kills, Fault.KILL_WORKER));
    plan.addAll(Collections.nCopies(brokerRestarts, Fault.RESTART_BROKER));
    plan.addAll(Collections.nCopies(stops, Fault.STOP_WORKER));
    Collections.shuffle(plan, new Random(seed));
    return plan;
  }

  public int planned() {
    return plan.size();
  }

  public boolean done() {
    return done;
  }

  /** Why the plan ended early, or null. */
  public String failure() {
    return failure;
  }

  public List<FaultEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  @Override
  public void run() {
    start = System.nanoTime();
    try {
      for (Fault fault : plan) {
        awaitHealthy("before the next fault");
        Thread.sleep(settings.interval().toMillis());
        awaitHealthy("before the next fault");
        inject(fault);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "interrupted";
    } catch (IOException | RuntimeException e) {
      failure = e.getMessage();
    } finally {
      if (failure != null) {
        log.accept("faults stopped: " + failure);
      }
      done = true;
    }
  }

  private void inject(Fault fault) throws IOException, InterruptedException {
    List<Integer> members = fault == Fault.RESTART_BROKER ? fleet.brokers() : fleet.workers();
    if (members.isEmpty()) {
      throw new IOException(
          "no " + (fault == Fault.RESTART_BROKER ? "broker" : "worker") + " found");
    }
    int n = members.get(random.nextInt(members.size()));
    String target = (fault == Fault.RESTART_BROKER ? "broker " : "worker ") + n;
    OptionalLong found = fault == Fault.RESTART_BROKER ? fleet.brokerPid(n) : fleet.workerPid(n);
    if (found.isEmpty()) {
      throw new IOException(target + " has no pid file");
    }
    long pid = found.getAsLong();
    double at = seconds(System.nanoTime());
    long recoveredFrom;
    switch (fault) {
      case KILL_WORKER -> {
        Fleet.signal(pid, "KILL");
        recoveredFrom = System.nanoTime();
        awaitReplaced(target, () -> fleet.workerPid(n), pid);
      }
      case RESTART_BROKER -> {
        Fleet.signal(pid, "TERM");
        recoveredFrom = System.nanoTime();
        awaitReplaced(target, () -> fleet.brokerPid(n), pid);
      }
      case STOP_WORKER -> {
        Fleet.signal(pid, "STOP");
        try {
          Thread.sleep(settings.stopFor().toMillis());
        } finally {
          Fleet.signal(pid, "CONT");
        }
        recoveredFrom = System.nanoTime();
      }
      default -> throw new IllegalStateException(fault.name());
    }
    awaitHealthy("after " + fault + " of " + target);
    double recovery = (System.nanoTime() - recoveredFrom) / 1e9;
    events.add(new FaultEvent(fault, target, pid, at, recovery));
    log.accept(
        String.format(
            Locale.ROOT,
            "%s %s (pid %d) at %.1f s: the fleet served again %.1f s later",
            verb(fault),
            target,
            pid,
            at,
            recovery));
  }

  private static String verb(Fault fault) {
    return switch (fault) {
      case KILL_WORKER -> "killed";
      case RESTART_BROKER -> "restarted";
      case STOP_WORKER -> "stopped and resumed";
    };
  }

  private interface PidSource {
    OptionalLong pid();
  }

  /** Waits until the supervisor has started a new process in place of {@code old}. */
  private void awaitReplaced(String target, PidSource current, long old)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + settings.recoveryTimeout().toNanos();
    while (true) {
      OptionalLong now = current.pid();
      if (now.isPresent() && now.getAsLong() != old && Fleet.alive(now.getAsLong())) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            target
                + " (pid "
                + old
                + ") was not started again within "
                + settings.recoveryTimeout().toSeconds()
                + " s: is bin/judge up supervising it?");
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  private void awaitHealthy(String when) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + settings.recoveryTimeout().toNanos();
    List<String> down = fleet.unhealthy();
    while (!down.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IOException(
            String.join(", ", down)
                + " not serving "
                + when
                + " within "
                + settings.recoveryTimeout().toSeconds()
                + " s");
      }
      Thread.sleep(POLL_MILLIS);
      down = fleet.unhealthy();
    }
  }

  private double seconds(long nanos) {
    return (nanos - start) / 1e9;
  }
}
