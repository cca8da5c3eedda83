package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.plan.Kernel.Fcntl;
import dev.judgefleet.worker.sandbox.plan.PassedFile;
import dev.judgefleet.worker.sandbox.plan.RunPlanBuilder;
import dev.judgefleet.worker.sandbox.plan.Steps;

/**
 * The stdio layer: the run's standard streams are host files the worker opened and passed in, never
 * paths the program could choose. Output goes to regular files, so RLIMIT_FSIZE caps it. Every
 * other descriptor is closed, and the child leads a session of its own.
 */
public final class StdioLayer {
  private static final int OUTPUT_FLAGS =
      Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_NOFOLLOW;

  /**
   * World-readable, in a root-only directory: only a process holding the descriptor can reach the
   * file, and a testlib checker given {@code /dev/stdin} must be able to reopen it.
   */
  private static final int OUTPUT_MODE = 0644;

  private StdioLayer() {}

  private static PassedFile passed(Redirect redirect, int flags, int mode) {
    if (redirect instanceof Redirect.Pipe pipe) {
      return new PassedFile.Descriptor(pipe.fd(), pipe.what(), pipe.handOver());
    }
    return new PassedFile.Open(((Redirect.File) redirect).path(), flags, mode);
  }

  /** A new session: the run's processes share nothing with PID 1's (setsid(2)). */
  public static void session(RunPlanBuilder plan) {
    plan.child(Steps.setsid());
  }

  public static void redirect(
      RunPlanBuilder plan, Redirect stdin, Redirect stdout, Redirect stderr) {
    int in = plan.pass(passed(stdin, Fcntl.O_RDONLY | Fcntl.O_NOFOLLOW, 0));
    int out = plan.pass(passed(stdout, OUTPUT_FLAGS, OUTPUT_MODE));
    int err = plan.pass(passed(stderr, OUTPUT_FLAGS, OUTPUT_MODE));
    plan.child(Steps.dup2(in, 0));
    plan.child(Steps.dup2(out, 1));
    plan.child(Steps.dup2(err, 2));
    plan.child(Steps.closeFrom(3));
  }
}
