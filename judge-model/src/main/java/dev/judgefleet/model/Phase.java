package dev.judgefleet.model;

/** Where a judging is, for live progress. Names are wire codes: frozen once published. */
public enum Phase {
  ACCEPTED,
  COMPILING,
  RUNNING,
  DONE
}
