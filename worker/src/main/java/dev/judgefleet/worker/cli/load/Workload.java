package dev.judgefleet.worker.cli.load;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** The mix of submissions a load run sends, each drawn with a probability given by its weight. */
public record Workload(List<WorkloadItem> items) {

  public Workload {
    items = List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a workload needs at least one item");
    }
    Set<String> names = new HashSet<>();
    for (WorkloadItem item : items) {
      if (!names.add(item.name())) {
        throw new IllegalArgumentException("two items are named " + item.name());
      }
    }
  }

  /** The item drawn for one arrival: item i with probability weight(i) / total weight. */
  public WorkloadItem pick(RandomGenerator random) {
    double total = 0;
    for (WorkloadItem item : items) {
      total += item.weight();
    }
    double u = random.nextDouble() * total;
    for (WorkloadItem item : items) {
      u -= item.weight();
      if (u < 0) {
        return item;
      }
    }
    // Rounding can leave u a hair above 0 after the last item.
    return items.get(items.size() - 1);
  }
}
