package dev.judgefleet.worker.judge;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node's judging slots: a slot is a uid range and a place in the concurrency limit. A
 * submission holds one from the start of its judging to its verdict.
 */
public final class SlotPool {
  private final LinkedBlockingQueue<Integer> free = new LinkedBlockingQueue<>();
  private final AtomicInteger busy = new AtomicInteger();
  private final int size;

  public SlotPool(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a worker needs at least one slot, got " + size);
    }
    this.size = size;
    for (int i = 0; i < size; i++) {
      free.add(i);
    }
  }

  public int take() throws InterruptedException {
    int slot = free.take();
    busy.incrementAndGet();
    return slot;
  }

  public void give(int slot) {
    busy.decrementAndGet();
    free.add(slot);
  }

  public int busy() {
    return busy.get();
  }

  public int size() {
    return size;
  }
}
