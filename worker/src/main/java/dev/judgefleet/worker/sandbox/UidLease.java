package dev.judgefleet.worker.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A block of {@link #SIZE} uids and gids that one engine alone runs programs as, held by a lock
 * file for the engine's lifetime. Two engines on one host (a worker and a {@code judge run}, two
 * workers of a local fleet, a test suite beside {@code judge up}) never share a uid: a uid is what
 * the kernel uses to let one process signal or trace another, and what a leftover check looks for.
 *
 * <p>The lock is an fcntl(2) record lock, so the kernel releases it when the engine's process dies,
 * however it dies; a stale lock file is harmless.
 *
 * <p>The block is searched from the configured first uid upwards in steps of {@link #SIZE}; blocks
 * that would contain {@code nobody} (65534) or the invalid uid 65535 are skipped.
 */
public final class UidLease implements AutoCloseable {
  /** Uids per engine: slots 0..511 run programs, 512..1023 their validators. */
  public static final int SIZE = 2 * SandboxSpec.VALIDATOR_SLOT_OFFSET;

  /** Where the locks live: host-wide, never inside a state directory. */
  public static final Path LOCK_DIR = Path.of("/run/judgefleet/uid-ranges");

  private static final int MAX_BLOCKS = 64;

  private final int firstUid;
  private final int firstGid;
  private final FileChannel channel;
  private final FileLock lock;

  private UidLease(int firstUid, int firstGid, FileChannel channel, FileLock lock) {
    this.firstUid = firstUid;
    this.firstGid = firstGid;
    this.channel = channel;
    this.lock = lock;
  }

  /** Claims the first free block at or above {@code firstUid}/{@code firstGid}. */
  public static UidLease claim(int firstUid, int firstGid, Path lockDir) {
    try {
      Files.createDirectories(lockDir);
    } catch (IOException e) {
      throw new UncheckedIOException("creating the uid lock directory " + lockDir, e);
    }
    List<String> taken = new ArrayList<>();
    for (int block = 0; block < MAX_BLOCKS; block++) {
      int uid = firstUid + block * SIZE;
      int gid = firstGid + block * SIZE;
      if (containsReserved(uid) || containsReserved(gid)) {
        continue;
      }
      UidLease lease = tryClaim(uid, gid, lockDir.resolve("uid-" + uid + ".lock"));
      if (lease != null) {
        return lease;
      }
      taken.add(uid + "-" + (uid + SIZE - 1));
    }
    throw new IllegalStateException(
        "no free block of "
            + SIZE
            + " sandbox uids from "
            + firstUid
            + ": taken by other engines on this host: "
            + taken
            + " (locks in "
            + lockDir
            + ")");
  }

  private static boolean containsReserved(int first) {
    return first <= 65535 && first + SIZE > 65534;
  }

  private static UidLease tryClaim(int uid, int gid, Path file) {
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return null;
      }
      // Who holds it, for a person looking at the directory.
      channel.truncate(0);
      channel.write(
          java.nio.ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
      return new UidLease(uid, gid, channel, lock);
    } catch (OverlappingFileLockException sameJvm) {
      closeQuietly(channel);
      return null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("locking " + file, e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing was claimed.
      }
    }
  }

  public int firstUid() {
    return firstUid;
  }

  public int firstGid() {
    return firstGid;
  }

  /** Whether {@code uid} is one of this lease's. */
  public boolean contains(int uid) {
    return uid >= firstUid && uid < firstUid + SIZE;
  }

  @Override
  public String toString() {
    return "uids "
        + firstUid
        + "-"
        + (firstUid + SIZE - 1)
        + ", gids "
        + firstGid
        + "-"
        + (firstGid + SIZE - 1);
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("releasing the uid lock", e);
    }
  }
}
