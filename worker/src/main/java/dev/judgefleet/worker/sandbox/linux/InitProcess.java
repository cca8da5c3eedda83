package dev.judgefleet.worker.sandbox.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.StringArray;
import dev.judgefleet.worker.sandbox.plan.Kernel;
import dev.judgefleet.worker.sandbox.plan.PlanEncoder;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A sandbox's PID 1: spawned from a fresh thread that first unshares the namespaces, so the init is
 * born inside them (namespaces(7): a thread's new PID namespace applies to its children, and the
 * first child is that namespace's init).
 *
 * <p>Why a thread: unshare(2) changes the calling thread only, and a JVM thread that entered other
 * namespaces must never run Java work again. The thread spawns the init and ends.
 */
public final class InitProcess implements Closeable {
  private static final int SIGSET_SIZE = 128;
  private static final int SPAWN_STRUCT_SIZE = 512;

  /** Where the init finds its control socket ({@code CTL_FD} in the init). */
  public static final int CONTROL_FD = 3;

  private final int pid;
  private final int pidfd;
  private final ControlSocket control;
  private boolean reaped;

  private InitProcess(int pid, int pidfd, ControlSocket control) {
    this.pid = pid;
    this.pidfd = pidfd;
    this.control = control;
  }

  /**
   * Spawns {@code binary} as PID 1 of new namespaces.
   *
   * @param namespaces {@code CLONE_NEW*} flags for unshare(2)
   */
  public static InitProcess spawn(Path binary, int namespaces) {
    int[] sv = new int[2];
    try {
      LibC.socketpair(
          Kernel.Socket.AF_UNIX, Kernel.Socket.SOCK_SEQPACKET | Kernel.Socket.SOCK_CLOEXEC, 0, sv);
    } catch (LastErrorException e) {
      throw Errno.failure("socketpair(AF_UNIX, SOCK_SEQPACKET)", e);
    }
    int parentEnd = sv[0];
    int childEnd = sv[1];
    try {
      if (childEnd == CONTROL_FD) {
        // dup2(3, 3) in the spawned child would keep close-on-exec; move it out of the way.
        childEnd = LibC.fcntl(sv[1], Kernel.Fcntl.F_DUPFD_CLOEXEC, 10);
        Fds.closeQuietly(sv[1]);
      }
      int pid = spawnInNewNamespaces(binary, namespaces, childEnd);
      int pidfd = pidfdOpen(pid);
      return new InitProcess(pid, pidfd, new ControlSocket(parentEnd));
    } catch (LastErrorException e) {
      Fds.closeQuietly(parentEnd);
      throw Errno.failure("fcntl(F_DUPFD_CLOEXEC)", e);
    } catch (RuntimeException e) {
      Fds.closeQuietly(parentEnd);
      throw e;
    } finally {
      Fds.closeQuietly(childEnd);
    }
  }

  private static int spawnInNewNamespaces(Path binary, int namespaces, int controlEnd) {
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                LibC.unshare(namespaces);
              } catch (LastErrorException e) {
                String flags =
                    Kernel.flagNames(Integer.toUnsignedLong(namespaces), Kernel.Sched.NAMES);
                outcome.set(Errno.failure("unshare(" + flags + ")", e));
                return;
              }
              try {
                outcome.set(posixSpawn(binary, controlEnd));
              } catch (RuntimeException e) {
                outcome.set(e);
              }
            },
            "sandbox-spawn");
    thread.setDaemon(true);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while spawning the sandbox init", e);
    }
    Object result = outcome.get();
    if (result instanceof RuntimeException e) {
      throw e;
    }
    return (Integer) result;
  }

  private static int posixSpawn(Path binary, int controlEnd) {
    Memory actions = new Memory(SPAWN_STRUCT_SIZE);
    Memory attr = new Memory(SPAWN_STRUCT_SIZE);
    Memory emptySet = new Memory(SIGSET_SIZE);
    Memory fullSet = new Memory(SIGSET_SIZE);
    LibC.posix_spawn_file_actions_init(actions);
    LibC.posix_spawnattr_init(attr);
    try {
      LibC.sigemptyset(emptySet);
      LibC.sigfillset(fullSet);
      // The JVM blocks and handles signals of its own; the init starts with none of that.
      check(LibC.posix_spawnattr_setsigmask(attr, emptySet), "posix_spawnattr_setsigmask");
      check(LibC.posix_spawnattr_setsigdefault(attr, fullSet), "posix_spawnattr_setsigdefault");
      check(
          LibC.posix_spawnattr_setflags(
              attr, (short) (LibC.POSIX_SPAWN_SETSIGMASK | LibC.POSIX_SPAWN_SETSIGDEF)),
          "posix_spawnattr_setflags");
      check(
          LibC.posix_spawn_file_actions_adddup2(actions, controlEnd, CONTROL_FD),
          "posix_spawn_file_actions_adddup2");
      check(
          LibC.posix_spawn_file_actions_addclosefrom_np(actions, CONTROL_FD + 1),
          "posix_spawn_file_actions_addclosefrom_np");
      String path = binary.toString();
      int[] pid = new int[1];
      StringArray argv = new StringArray(new String[] {path});
      StringArray envp = new StringArray(new String[0]);
      int err =
          SpawnFence.whileSpawning(() -> LibC.posix_spawn(pid, path, actions, attr, argv, envp));
      if (err != 0) {
        throw new NativeCallException("posix_spawn(\"" + path + "\")", err);
      }
      return pid[0];
    } finally {
      LibC.posix_spawn_file_actions_destroy(actions);
      LibC.posix_spawnattr_destroy(attr);
    }
  }

  private static void check(int err, String call) {
    if (err != 0) {
      throw new NativeCallException(call, err);
    }
  }

  private static int pidfdOpen(int pid) {
    try {
      return (int) LibC.syscall(LibC.SYS_pidfd_open, pid, 0, 0, 0);
    } catch (LastErrorException e) {
      throw Errno.failure("pidfd_open(" + pid + ")", e);
    }
  }

  /** The init's PID in the worker's PID namespace. */
  public int pid() {
    return pid;
  }

  public ControlSocket control() {
    return control;
  }

  /** Whether the init has exited (its pidfd is readable, pidfd_open(2)). */
  public boolean exited() {
    Memory pollfd = new Memory(8);
    pollfd.setInt(0, pidfd);
    pollfd.setShort(4, Kernel.Poll.POLLIN);
    pollfd.setShort(6, (short) 0);
    try {
      return LibC.poll(pollfd, 1, 0) > 0;
    } catch (LastErrorException e) {
      return false;
    }
  }

  /**
   * Stops the init: asks it to exit, waits up to {@code graceMs}, then kills it. Its exit takes
   * every process of the PID namespace with it (pid_namespaces(7)).
   */
  public void stop(byte[] exitMessage, int graceMs) {
    if (reaped) {
      return;
    }
    try {
      control.send(exitMessage, new int[0]);
    } catch (NativeCallException ignored) {
      // Already gone: the wait below reaps it.
    }
    control.close();
    Memory pollfd = new Memory(8);
    pollfd.setInt(0, pidfd);
    pollfd.setShort(4, Kernel.Poll.POLLIN);
    try {
      if (LibC.poll(pollfd, 1, graceMs) == 0) {
        LibC.kill(pid, 9);
      }
    } catch (LastErrorException ignored) {
      // Fall through to the blocking wait.
    }
    int[] status = new int[1];
    try {
      LibC.waitpid(pid, status, 0);
    } catch (LastErrorException ignored) {
      // ECHILD: someone else reaped it.
    }
    reaped = true;
    Fds.closeQuietly(pidfd);
  }

  @Override
  public void close() {
    stop(PlanEncoder.control(PlanEncoder.MSG_EXIT), 2000);
  }
}
