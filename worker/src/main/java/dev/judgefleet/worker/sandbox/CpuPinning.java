package dev.judgefleet.worker.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Which CPU a slot's sandboxes run on. A program's CPU time depends on what shares its core
 * (caches, SMT siblings, the scheduler's other tasks): with one slot per CPU, each slot's runs stay
 * on a CPU of their own and the timings of one slot do not depend on the others, as DOMjudge pins a
 * judgehost to a core. With more slots than CPUs nothing is pinned: pinned slots would share cores
 * with unpinned ones, which is worse than letting the scheduler spread them.
 *
 * <p>The CPUs are those the worker may use ({@code Cpus_allowed_list}): in a Kubernetes pod with
 * the static CPU manager, the whole cores the pod was given. A validator runs on its submission's
 * slot's CPU.
 */
public final class CpuPinning {
  private final List<Integer> cpus;
  private final boolean pinned;

  /**
   * @param mode "off" or "auto"
   * @param slots the program slots the engine serves
   * @param allowed the CPUs the worker may use, in order
   */
  public CpuPinning(String mode, int slots, List<Integer> allowed) {
    this.cpus = List.copyOf(allowed);
    this.pinned = mode.equals("auto") && slots <= allowed.size();
  }

  /** The CPU of a slot's sandboxes, or empty when they float. */
  public OptionalInt cpuFor(int slot) {
    int programSlot = slot % SandboxSpec.VALIDATOR_SLOT_OFFSET;
    return pinned && programSlot < cpus.size()
        ? OptionalInt.of(cpus.get(programSlot))
        : OptionalInt.empty();
  }

  /** Parses a CPU list as the kernel writes it ({@code 0-3,8,10-11}). */
  public static List<Integer> parseList(String list) {
    List<Integer> cpus = new ArrayList<>();
    for (String part : list.strip().split(",")) {
      if (part.isEmpty()) {
        continue;
      }
      int dash = part.indexOf('-');
      int first = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
      int last = dash < 0 ? first : Integer.parseInt(part.substring(dash + 1));
      for (int cpu = first; cpu <= last; cpu++) {
        cpus.add(cpu);
      }
    }
    return cpus;
  }

  /** The CPUs this process may run on, from {@code /proc/self/status}. */
  public static List<Integer> allowedHere() {
    for (String line :
        dev.judgefleet.worker.sandbox.linux.KernelFiles.read(
                java.nio.file.Path.of("/proc/self/status"))
            .split("\n")) {
      if (line.startsWith("Cpus_allowed_list:")) {
        return parseList(line.substring("Cpus_allowed_list:".length()));
      }
    }
    return List.of();
  }
}
