package dev.judgefleet.model;

/**
 * The verdict of a submission or of one test. The names are the wire codes: they are frozen once
 * published, so a new verdict gets a new name and an old one is never renamed or reused.
 */
public enum Verdict {
  /** Accepted. */
  AC,
  /** Wrong answer. */
  WA,
  /** Presentation error (testlib checkers only; ICPC mode reports it as WA). */
  PE,
  /** Time limit exceeded (CPU time of the whole process tree, or the wall limit). */
  TLE,
  /** Memory limit exceeded. */
  MLE,
  /** Output limit exceeded. */
  OLE,
  /** Run-time error: a non-zero exit or a fatal signal. */
  RE,
  /** Compilation error. */
  CE,
  /** Security violation: a forbidden system call. */
  SV,
  /** Internal error of the judge, never the contestant's fault. */
  IE
}
