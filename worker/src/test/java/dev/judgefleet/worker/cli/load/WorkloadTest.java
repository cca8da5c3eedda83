package dev.judgefleet.worker.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.judgefleet.model.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WorkloadTest {
  private static WorkloadItem item(String name, double weight) {
    return new WorkloadItem(name, "p", "c", "x", List.of(), Verdict.AC, weight);
  }

  @Test
  void picksEachItemInProportionToItsWeight() {
    Workload w = new Workload(List.of(item("a", 1), item("b", 3), item("c", 6)));
    SplittableRandom random = new SplittableRandom(42);
    Map<String, Integer> counts = new HashMap<>();
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      counts.merge(w.pick(random).name(), 1, Integer::sum);
    }
    // Binomial standard deviation at n = 100 000 is under 0.0016; 0.01 is over six of them.
    assertEquals(0.1, counts.get("a") / (double) n, 0.01);
    assertEquals(0.3, counts.get("b") / (double) n, 0.01);
    assertEquals(0.6, counts.get("c") / (double) n, 0.01);
  }

  @Test
  void refusesAnEmptyMixDuplicateNamesAndBadWeights() {
    assertThrows(IllegalArgumentException.class, () -> new Workload(List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new Workload(List.of(item("a", 1), item("a", 2))));
    assertThrows(IllegalArgumentException.class, () -> item("a", 0));
    assertThrows(IllegalArgumentException.class, () -> item("a", Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> item("a", Double.POSITIVE_INFINITY));
  }
}
