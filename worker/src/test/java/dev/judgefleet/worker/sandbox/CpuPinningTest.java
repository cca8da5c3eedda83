package dev.judgefleet.worker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.worker.sandbox.plan.Steps;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CpuPinningTest {
  @Test
  void parsesTheKernelsCpuLists() {
    assertEquals(List.of(0, 1, 2, 3, 8, 10, 11), CpuPinning.parseList("0-3,8,10-11\n"));
    assertEquals(List.of(5), CpuPinning.parseList("5"));
    assertEquals(List.of(), CpuPinning.parseList(""));
  }

  @Test
  void eachSlotGetsACpuOfItsOwnWhenTheSlotsFit() {
    CpuPinning pinning = new CpuPinning("auto", 2, List.of(4, 6));
    assertEquals(OptionalInt.of(4), pinning.cpuFor(0));
    assertEquals(OptionalInt.of(6), pinning.cpuFor(1));
    // A validator runs on its submission's CPU.
    assertEquals(OptionalInt.of(6), pinning.cpuFor(1 + SandboxSpec.VALIDATOR_SLOT_OFFSET));
  }

  @Test
  void nothingIsPinnedWithMoreSlotsThanCpusOrWhenOff() {
    assertEquals(OptionalInt.empty(), new CpuPinning("auto", 3, List.of(0, 1)).cpuFor(0));
    assertEquals(OptionalInt.empty(), new CpuPinning("off", 1, List.of(0, 1)).cpuFor(0));
  }

  @Test
  void aPinnedSandboxBindsItsInitInTheSetup() {
    SandboxSpec spec = new SandboxSpec(1, Optional.empty(), List.of(), 1 << 20, 1 << 20, "judge");
    var setup = LaunchPlanner.sandbox(spec, "/r", 1, 1, OptionalInt.of(3)).setup();
    assertEquals(Steps.schedSetaffinity(3), setup.get(setup.size() - 1));
    assertEquals(
        0,
        LaunchPlanner.sandbox(spec, "/r", 1, 1).setup().stream()
            .filter(s -> s.equals(Steps.schedSetaffinity(3)))
            .count());
  }
}
