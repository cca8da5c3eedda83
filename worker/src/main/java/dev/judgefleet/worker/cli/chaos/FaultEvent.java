package dev.judgefleet.worker.cli.chaos;

/**
 * One fault as it was injected.
 *
 * @param fault what was done
 * @param target {@code worker N} or {@code broker N}
 * @param pid the process it was done to
 * @param atSeconds when, from the start of the faults
 * @param recoverySeconds from the fault to the whole fleet serving again (for a stop: from the
 *     SIGCONT), or -1 when it did not recover in time
 */
public record FaultEvent(
    Fault fault, String target, long pid, double atSeconds, double recoverySeconds) {}
