package dev.judgefleet.worker.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fresh run cgroups, made ahead of time, and used ones removed later, both on a background thread:
 * neither mkdir nor rmdir (which waits for the kernel to let go of a dying cgroup) sits between two
 * runs. A run cgroup is never reused, so its counters (peak memory, OOM kills, peak tasks) belong
 * to one run only.
 */
public final class CgroupPool implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(CgroupPool.class.getName());
  private static final int REMOVE_ATTEMPTS = 500;

  private final CgroupBackend backend;
  private final int target;
  private final Deque<RunCgroup> ready = new ArrayDeque<>();
  private final Deque<Removal> retired = new ArrayDeque<>();
  private final AtomicLong sequence = new AtomicLong();
  private final Thread worker;
  private boolean closed;

  private record Removal(RunCgroup cgroup, int attempts) {}

  public CgroupPool(CgroupBackend backend, int target) {
    this.backend = backend;
    this.target = target;
    this.worker = new Thread(this::maintain, "cgroup-pool");
    worker.setDaemon(true);
    worker.start();
  }

  public CgroupBackend backend() {
    return backend;
  }

  /** A fresh cgroup: from the pool, or made now if the pool ran dry. */
  public RunCgroup acquire() {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("cgroup pool closed");
      }
      RunCgroup cgroup = ready.pollFirst();
      notifyAll();
      if (cgroup != null) {
        return cgroup;
      }
    }
    return backend.create(nextName());
  }

  /** Hands a used cgroup back for removal. */
  public void release(RunCgroup cgroup) {
    synchronized (this) {
      retired.addLast(new Removal(cgroup, 0));
      notifyAll();
    }
  }

  private String nextName() {
    return "run-" + sequence.incrementAndGet();
  }

  private void maintain() {
    for (; ; ) {
      Removal removal;
      boolean refill;
      synchronized (this) {
        while (!closed && retired.isEmpty() && ready.size() >= target) {
          try {
            wait(1000);
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        removal = retired.pollFirst();
        refill = ready.size() < target;
      }
      if (removal != null) {
        remove(removal);
      }
      if (refill) {
        try {
          RunCgroup cgroup = backend.create(nextName());
          synchronized (this) {
            ready.addLast(cgroup);
          }
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "cannot pre-create a run cgroup", e);
          sleep(1000);
        }
      }
    }
  }

  private void remove(Removal removal) {
    if (removal.cgroup().remove()) {
      return;
    }
    if (removal.attempts() >= REMOVE_ATTEMPTS) {
      LOG.warning("giving up removing " + removal.cgroup().describe() + ": still busy");
      return;
    }
    // Tasks are still leaving (the kernel frees a dying cgroup asynchronously): try again later.
    sleep(2);
    synchronized (this) {
      retired.addLast(new Removal(removal.cgroup(), removal.attempts() + 1));
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Removes every cgroup this pool made, and the backend's base directory. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      notifyAll();
    }
    worker.interrupt();
    try {
      worker.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      ready.forEach(RunCgroup::remove);
      retired.forEach(r -> r.cgroup().remove());
      ready.clear();
      retired.clear();
    }
    backend.removeBase();
  }
}
