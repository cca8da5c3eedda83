package dev.judgefleet.worker.sandbox;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the engine shares with each of its sandboxes: the node's facts, the pool of run cgroups, the
 * compiled seccomp programs, and a counter of the CPU time every run spent.
 */
record SandboxServices(
    NodeFacts node, CgroupPool cgroups, SeccompPrograms seccomp, LongAdder runCpuNanos) {}
