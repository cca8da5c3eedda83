package dev.judgefleet.worker.cli.chaos;

import dev.judgefleet.worker.cli.load.LoadReport;
import java.util.List;

/**
 * A chaos run's report (JSON, and the HTML page's data).
 *
 * @param summary what the ledger proved
 * @param faultsPlanned how many faults were planned
 * @param faults the faults injected, in order
 * @param faultFailure why the faults ended early (the fleet did not recover), or null
 * @param load the steady load's own figures (throughput, latency, per node)
 */
public record ChaosReport(
    ChaosSummary summary,
    int faultsPlanned,
    List<FaultEvent> faults,
    String faultFailure,
    LoadReport load) {

  public ChaosReport {
    faults = List.copyOf(faults);
  }

  /** Whether every check held and every fault was injected and recovered from. */
  public boolean held() {
    return summary.held() && faultFailure == null && faults.size() == faultsPlanned;
  }
}
