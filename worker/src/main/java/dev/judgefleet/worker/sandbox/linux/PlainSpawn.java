package dev.judgefleet.worker.sandbox.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;

/**
 * A plain posix_spawn(3) and wait4(2), nothing else: the baseline the sandbox's overhead is
 * measured against, in the same process and the same run.
 */
public final class PlainSpawn {
  private static final int RUSAGE_SIZE = 144;

  private PlainSpawn() {}

  /** One spawn's cost: wall time around spawn+wait, and the child's own CPU time. */
  public record Cost(long wallNanos, long childCpuNanos) {}

  public static Cost spawnAndWait(String path) {
    StringArray argv = new StringArray(new String[] {path});
    StringArray envp = new StringArray(new String[0]);
    Memory rusage = new Memory(RUSAGE_SIZE);
    int[] pid = new int[1];
    long start = System.nanoTime();
    int err =
        SpawnFence.whileSpawning(
            () -> LibC.posix_spawn(pid, path, Pointer.NULL, Pointer.NULL, argv, envp));
    if (err != 0) {
      throw new NativeCallException("posix_spawn(\"" + path + "\")", err);
    }
    int[] status = new int[1];
    try {
      LibC.wait4(pid[0], status, 0, rusage);
    } catch (LastErrorException e) {
      throw Errno.failure("wait4(" + pid[0] + ")", e);
    }
    long wall = System.nanoTime() - start;
    // struct rusage starts with ru_utime and ru_stime, two struct timevals.
    long cpuMicros =
        rusage.getLong(0) * 1_000_000
            + rusage.getLong(8)
            + rusage.getLong(16) * 1_000_000
            + rusage.getLong(24);
    return new Cost(wall, cpuMicros * 1000);
  }
}
