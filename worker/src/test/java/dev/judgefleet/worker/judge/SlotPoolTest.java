package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SlotPoolTest {
  private final AtomicLong now = new AtomicLong();

  private SlotPool pool(int size, boolean reserve) {
    return new SlotPool(size, Duration.ofSeconds(30), reserve, now::get);
  }

  @Test
  void aFreeSlotGoesToLiveWorkBeforeOlderRejudges() {
    SlotPool pool = pool(1, false);
    SlotPool.Ticket running = pool.request(Lane.REJUDGE);
    assertEquals(0, running.slot());
    SlotPool.Ticket rejudge = pool.request(Lane.REJUDGE);
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    SlotPool.Ticket live = pool.request(Lane.LIVE);
    assertEquals(-1, live.slot());

    pool.give(running.slot(), Lane.REJUDGE);

    assertEquals(0, live.slot());
    assertEquals(-1, rejudge.slot());
    pool.give(live.slot(), Lane.LIVE);
    assertEquals(0, rejudge.slot());
  }

  @Test
  void aRejudgeThatWaitedTheMaxWaitGoesAheadOfLiveWork() {
    SlotPool pool = pool(1, false);
    SlotPool.Ticket running = pool.request(Lane.LIVE);
    SlotPool.Ticket rejudge = pool.request(Lane.REJUDGE);
    now.addAndGet(Duration.ofSeconds(31).toNanos());
    SlotPool.Ticket live = pool.request(Lane.LIVE);

    pool.give(running.slot(), Lane.LIVE);

    assertEquals(0, rejudge.slot(), "a rejudge waiting over 30 s is not starved");
    assertEquals(-1, live.slot());
  }

  @Test
  void underASteadyLiveStreamNoRejudgeWaitsLongerThanTheMaxWait() {
    SlotPool pool = pool(1, false);
    SlotPool.Ticket current = pool.request(Lane.LIVE);
    Map<SlotPool.Ticket, Long> pending = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      pending.put(pool.request(Lane.REJUDGE), now.get());
    }
    int rejudgesJudged = 0;
    long longestRejudgeWait = 0;
    // A live submission every second, each judging takes a second: live work alone fills the
    // slot, for 100 s.
    for (int second = 0; second < 100; second++) {
      pending.put(pool.request(Lane.LIVE), now.get());
      now.addAndGet(Duration.ofSeconds(1).toNanos());
      pool.give(current.slot(), current.lane());
      current = pending.keySet().stream().filter(t -> t.slot() >= 0).findFirst().orElseThrow();
      long waited = now.get() - pending.remove(current);
      if (current.lane() == Lane.REJUDGE) {
        rejudgesJudged++;
        longestRejudgeWait = Math.max(longestRejudgeWait, waited);
        pending.put(pool.request(Lane.REJUDGE), now.get());
      }
    }
    assertTrue(rejudgesJudged >= 6, "rejudges judged: " + rejudgesJudged);
    // Its 30 s, plus the judging under way when its time came, plus the aged ones ahead of it.
    assertTrue(
        longestRejudgeWait <= Duration.ofSeconds(34).toNanos(),
        "longest rejudge wait " + Duration.ofNanos(longestRejudgeWait));
    assertTrue(
        rejudgesJudged < 50, "live work still goes first most of the time: " + rejudgesJudged);
  }

  @Test
  void withoutLiveWorkRejudgesUseEverySlotInArrivalOrder() {
    SlotPool pool = pool(2, false);
    SlotPool.Ticket a = pool.request(Lane.REJUDGE);
    SlotPool.Ticket b = pool.request(Lane.REJUDGE);
    SlotPool.Ticket c = pool.request(Lane.REJUDGE);
    SlotPool.Ticket d = pool.request(Lane.REJUDGE);
    assertTrue(a.slot() >= 0 && b.slot() >= 0, "no slot idles while rejudges wait");
    assertEquals(-1, c.slot());
    pool.give(b.slot(), Lane.REJUDGE);
    assertTrue(c.slot() >= 0, "first in, first served within a lane");
    assertEquals(-1, d.slot());
  }

  @Test
  void theLiveReserveKeepsOneSlotForLiveWork() {
    SlotPool pool = pool(2, true);
    SlotPool.Ticket a = pool.request(Lane.REJUDGE);
    SlotPool.Ticket b = pool.request(Lane.REJUDGE);
    assertTrue(a.slot() >= 0);
    assertEquals(-1, b.slot(), "rejudges hold at most all slots but one");
    now.addAndGet(Duration.ofMinutes(5).toNanos());
    SlotPool.Ticket live = pool.request(Lane.LIVE);
    assertTrue(live.slot() >= 0, "a live submission finds a slot at once");
    assertEquals(1, pool.busy(Lane.REJUDGE));
    assertEquals(1, pool.busy(Lane.LIVE));
    pool.give(a.slot(), Lane.REJUDGE);
    assertTrue(b.slot() >= 0, "rejudges still progress on the other slots");
  }

  @Test
  void oneSlotHasNoReserve() {
    SlotPool pool = pool(1, true);
    assertEquals(0, pool.request(Lane.REJUDGE).slot());
  }

  @Test
  void busyCountsEveryLane() {
    SlotPool pool = pool(3, false);
    pool.request(Lane.LIVE);
    pool.request(Lane.REJUDGE);
    assertEquals(2, pool.busy());
    assertEquals(1, pool.waiting(Lane.LIVE) + pool.busy(Lane.LIVE));
  }

  @Test
  void blockingTakeWaitsForAGive() throws Exception {
    SlotPool pool = new SlotPool(1);
    int slot = pool.take();
    AtomicLong got = new AtomicLong(-1);
    Thread waiter =
        new Thread(
            () -> {
              try {
                got.set(pool.take(Lane.REJUDGE));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    waiter.start();
    while (pool.waiting(Lane.REJUDGE) == 0) {
      Thread.onSpinWait();
    }
    pool.give(slot);
    waiter.join(10_000);
    assertEquals(slot, got.get());
    assertEquals(1, pool.busy(Lane.REJUDGE));
  }

  @Test
  void anInterruptedWaiterLeavesTheQueue() throws Exception {
    SlotPool pool = new SlotPool(1);
    int slot = pool.take();
    Thread waiter =
        new Thread(
            () -> {
              try {
                pool.take(Lane.REJUDGE);
              } catch (InterruptedException e) {
                // expected
              }
            });
    waiter.start();
    while (pool.waiting(Lane.REJUDGE) == 0) {
      Thread.onSpinWait();
    }
    waiter.interrupt();
    waiter.join(10_000);
    assertEquals(0, pool.waiting(Lane.REJUDGE));
    pool.give(slot);
    assertEquals(0, pool.busy());
  }

  @Test
  void aPoolNeedsASlot() {
    assertThrows(IllegalArgumentException.class, () -> new SlotPool(0));
  }

  @Test
  void lanesParseFromTheCommandLine() {
    assertEquals(Lane.REJUDGE, Lane.parse("rejudge"));
    assertEquals(Lane.LIVE, Lane.parse("LIVE"));
    assertThrows(IllegalArgumentException.class, () -> Lane.parse("urgent"));
  }
}
