package dev.judgefleet.worker.judge;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The node's judging slots: a slot is a uid range and a place in the concurrency limit. A
 * submission holds one from the start of its judging to its verdict.
 *
 * <p>Who gets a slot that frees up, in this order:
 *
 * <ol>
 *   <li>the oldest rejudge that has waited at least {@code lowLaneMaxWait}: live work comes first,
 *       but never forever (a contest's steady stream of live submissions does not starve a
 *       rejudge);
 *   <li>the oldest live submission;
 *   <li>the oldest rejudge.
 * </ol>
 *
 * <p>With {@code liveReserve} and more than one slot, rejudges hold at most all slots but one: a
 * live submission arriving while a backlog of rejudges fills the node finds a slot at once instead
 * of waiting for a rejudge to finish. Rejudges still progress on the other slots, so the reserve
 * needs no aging rule. Slots are not preempted: a judging, once started, finishes.
 */
public final class SlotPool {
  private final int size;
  private final long lowLaneMaxWaitNanos;
  private final int rejudgeLimit;
  private final LongSupplier clock;
  private final ReentrantLock lock = new ReentrantLock(true);
  private final Deque<Integer> free = new ArrayDeque<>();
  private final Map<Lane, Deque<Ticket>> waiting = new EnumMap<>(Lane.class);
  private final Map<Lane, Integer> held = new EnumMap<>(Lane.class);

  /** One slot per submission, no lanes: what the command line's parallel jobs need. */
  public SlotPool(int size) {
    this(size, Duration.ZERO, false, System::nanoTime);
  }

  /**
   * @param lowLaneMaxWait how long a rejudge waits behind live work before it goes first
   * @param liveReserve whether one slot is kept for live work when there are several
   * @param clock nanoseconds, {@link System#nanoTime()} but in tests
   */
  public SlotPool(int size, Duration lowLaneMaxWait, boolean liveReserve, LongSupplier clock) {
    if (size < 1) {
      throw new IllegalArgumentException("a worker needs at least one slot, got " + size);
    }
    if (lowLaneMaxWait.isNegative()) {
      throw new IllegalArgumentException("the low lane's max wait is negative: " + lowLaneMaxWait);
    }
    this.size = size;
    this.lowLaneMaxWaitNanos = lowLaneMaxWait.toNanos();
    this.rejudgeLimit = liveReserve && size > 1 ? size - 1 : size;
    this.clock = clock;
    for (int i = 0; i < size; i++) {
      free.add(i);
    }
    for (Lane lane : Lane.values()) {
      waiting.put(lane, new ArrayDeque<>());
      held.put(lane, 0);
    }
  }

  /** A live submission's slot; blocks until there is one. */
  public int take() throws InterruptedException {
    return take(Lane.LIVE);
  }

  /** A slot for work of {@code lane}; blocks until this work's turn. */
  public int take(Lane lane) throws InterruptedException {
    return request(lane).await();
  }

  /**
   * Queues for a slot without blocking: the ticket says whether (and which) slot it got, and its
   * {@link Ticket#await()} blocks until then.
   */
  public Ticket request(Lane lane) {
    lock.lock();
    try {
      Ticket ticket = new Ticket(lane, clock.getAsLong(), lock.newCondition());
      waiting.get(lane).add(ticket);
      dispatch();
      return ticket;
    } finally {
      lock.unlock();
    }
  }

  /** Returns the slot a ticket of {@code lane} got; the next in turn gets it. */
  public void give(int slot, Lane lane) {
    lock.lock();
    try {
      held.merge(lane, -1, Integer::sum);
      free.add(slot);
      dispatch();
    } finally {
      lock.unlock();
    }
  }

  /** Returns a live submission's slot. */
  public void give(int slot) {
    give(slot, Lane.LIVE);
  }

  /** Slots in use. */
  public int busy() {
    lock.lock();
    try {
      return size - free.size();
    } finally {
      lock.unlock();
    }
  }

  /** Slots in use by work of {@code lane}. */
  public int busy(Lane lane) {
    lock.lock();
    try {
      return held.get(lane);
    } finally {
      lock.unlock();
    }
  }

  /** Work of {@code lane} waiting for a slot. */
  public int waiting(Lane lane) {
    lock.lock();
    try {
      return waiting.get(lane).size();
    } finally {
      lock.unlock();
    }
  }

  public int size() {
    return size;
  }

  /** Hands free slots to the waiters whose turn it is. Called with the lock held. */
  private void dispatch() {
    while (!free.isEmpty()) {
      Ticket next = next();
      if (next == null) {
        return;
      }
      waiting.get(next.lane).remove(next);
      held.merge(next.lane, 1, Integer::sum);
      next.grant(free.poll());
    }
  }

  /** The waiter whose turn it is, or null when no waiter may take a slot now. */
  private Ticket next() {
    Ticket rejudge = waiting.get(Lane.REJUDGE).peek();
    boolean rejudgeMay = rejudge != null && held.get(Lane.REJUDGE) < rejudgeLimit;
    if (rejudgeMay && clock.getAsLong() - rejudge.since >= lowLaneMaxWaitNanos) {
      Ticket live = waiting.get(Lane.LIVE).peek();
      // Aged: it goes first, unless a live submission has waited even longer.
      if (live == null || live.since > rejudge.since) {
        return rejudge;
      }
    }
    Ticket live = waiting.get(Lane.LIVE).peek();
    if (live != null) {
      return live;
    }
    return rejudgeMay ? rejudge : null;
  }

  /** The snapshot of who waits, oldest first per lane: for tests and diagnostics. */
  List<Lane> queued() {
    lock.lock();
    try {
      List<Lane> out = new ArrayList<>();
      waiting.values().forEach(q -> q.forEach(t -> out.add(t.lane)));
      return out;
    } finally {
      lock.unlock();
    }
  }

  /** A place in the queue for a slot. */
  public final class Ticket {
    private final Lane lane;
    private final long since;
    private final Condition granted;
    private int slot = -1;

    private Ticket(Lane lane, long since, Condition granted) {
      this.lane = lane;
      this.since = since;
      this.granted = granted;
    }

    private void grant(int slot) {
      this.slot = slot;
      granted.signal();
    }

    /** The slot it got, or -1 while it waits. */
    public int slot() {
      lock.lock();
      try {
        return slot;
      } finally {
        lock.unlock();
      }
    }

    public Lane lane() {
      return lane;
    }

    /**
     * Blocks until the slot is granted and returns it. Interrupted, it leaves the queue (or gives
     * back a slot granted meanwhile).
     */
    public int await() throws InterruptedException {
      lock.lock();
      try {
        while (slot < 0) {
          try {
            granted.await(1, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            if (slot >= 0) {
              held.merge(lane, -1, Integer::sum);
              free.add(slot);
            } else {
              waiting.get(lane).remove(this);
            }
            dispatch();
            throw e;
          }
        }
        return slot;
      } finally {
        lock.unlock();
      }
    }
  }
}
