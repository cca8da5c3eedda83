package dev.judgefleet.worker.sandbox;

import java.nio.file.Path;

/**
 * What a sandbox needs to know about the node it runs on, learned once when the engine starts.
 *
 * @param initBinary the judge-init executable
 * @param lastCap the highest capability number this kernel knows ({@code cap_last_cap}): every one
 *     up to it is dropped from the bounding set
 * @param cpus the CPUs the worker may use: how fast a run's tree can spend CPU time
 */
public record NodeFacts(Path initBinary, int lastCap, int cpus) {}
