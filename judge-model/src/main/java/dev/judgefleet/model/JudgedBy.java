package dev.judgefleet.model;

/** Who judged: the node, the worker slot, the worker's version. */
public record JudgedBy(String node, int slot, String version) {}
