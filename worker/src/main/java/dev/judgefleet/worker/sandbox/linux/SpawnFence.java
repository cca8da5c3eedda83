package dev.judgefleet.worker.sandbox.linux;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps the worker's spawns apart from its writes into work directories.
 *
 * <p>A child of posix_spawn(3) holds a copy of every descriptor of the worker from the clone until
 * its exec closes them (they are all close-on-exec). A file another slot is writing into its box at
 * that moment is then open for writing twice, and a write access held on a mount makes the
 * read-only remount before a test fail with EBUSY (mount(2)): an IE that is nobody's fault. A soak
 * of 10 000 submissions met it 6 times. Writes hold this fence shared, spawns exclusively: no child
 * is ever between clone and exec while a work file is open for writing.
 */
final class SpawnFence {
  private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();

  private SpawnFence() {}

  /** Runs a write into a work directory, from its open to its close. */
  static void whileWriting(Runnable write) {
    LOCK.readLock().lock();
    try {
      write.run();
    } finally {
      LOCK.readLock().unlock();
    }
  }

  /** Runs a posix_spawn(3), which returns once the child has exec'd. */
  static <T> T whileSpawning(Supplier<T> spawn) {
    LOCK.writeLock().lock();
    try {
      return spawn.get();
    } finally {
      LOCK.writeLock().unlock();
    }
  }
}
