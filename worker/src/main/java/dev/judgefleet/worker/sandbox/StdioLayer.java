package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.plan.Kernel.Fcntl;
import dev.judgefleet.worker.sandbox.plan.PassedFile;
import dev.judgefleet.worker.sandbox.plan.RunPlanBuilder;
import dev.judgefleet.worker.sandbox.plan.Steps;

/**
 * The stdio layer: a run's standard streams are descriptors the worker made and passed in, never
 * paths the program could choose or learn. Standard input is a sealed private copy of its file (or
 * a pipe, or a worker-written file for a validator); standard output and error are pipes, which the
 * sandbox drains into host files the program never holds. Every other descriptor is closed, and the
 * child leads a session of its own.
 */
public final class StdioLayer {
  private StdioLayer() {}

  private static PassedFile input(Redirect redirect) {
    if (redirect instanceof Redirect.Pipe pipe) {
      return output(pipe);
    }
    if (redirect instanceof Redirect.Copy copy) {
      return new PassedFile.SealedCopy(copy.path());
    }
    return new PassedFile.Open(
        ((Redirect.HostFile) redirect).path(), Fcntl.O_RDONLY | Fcntl.O_NOFOLLOW, 0);
  }

  private static PassedFile.Descriptor output(Redirect.Pipe pipe) {
    return new PassedFile.Descriptor(pipe.fd(), pipe.what(), pipe.handOver());
  }

  /** A new session: the run's processes share nothing with PID 1's (setsid(2)). */
  public static void session(RunPlanBuilder plan) {
    plan.child(Steps.setsid());
  }

  public static void redirect(
      RunPlanBuilder plan, Redirect stdin, Redirect.Pipe stdout, Redirect.Pipe stderr) {
    int in = plan.pass(input(stdin));
    int out = plan.pass(output(stdout));
    int err = plan.pass(output(stderr));
    plan.child(Steps.dup2(in, 0));
    plan.child(Steps.dup2(out, 1));
    plan.child(Steps.dup2(err, 2));
    plan.child(Steps.closeFrom(3));
  }
}
