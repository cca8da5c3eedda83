package dev.judgefleet.worker.sandbox;

/** How a run ended, as the sandbox sees it; the judge maps these onto verdicts. */
public enum RunStatus {
  /** Exited with code 0 within every limit. */
  OK,
  /** Over the CPU or the wall limit; the cause says which. */
  TLE,
  /** Over the memory limit (killed by the OOM killer, or its peak above the limit). */
  MLE,
  /** Over the output limit (SIGXFSZ, or a file at the limit). */
  OLE,
  /** A non-zero exit or a fatal signal. */
  RE,
  /** A forbidden system call. */
  SV,
  /** The sandbox failed: never the program's fault. */
  IE
}
