package dev.judgefleet.model;

/**
 * Why a verdict is {@code IE}, for a machine: a contest site can tell its own mistake (fix the
 * request) from a problem's (tell the setter) and from the judge's (retry, page the operator). The
 * names are wire codes: frozen once published; a new reason is added at the end.
 */
public enum VerdictReason {
  /** The message was not a valid submission (also dead-lettered with the details): the site's. */
  INVALID_SUBMISSION(Party.SUBMITTER),
  /** No problem of that id is known to the judge: the site's. */
  UNKNOWN_PROBLEM(Party.SUBMITTER),
  /**
   * The submission pinned a problem version the node cannot get: one never published (the site's)
   * or not yet distributed to the node (retry).
   */
  PROBLEM_VERSION_UNAVAILABLE(Party.SUBMITTER),
  /** The language is known but not installed on the node that took it: the judge's. */
  LANGUAGE_UNAVAILABLE(Party.JUDGE),
  /** The problem package is broken: it does not load, or its validator fails: the setter's. */
  BROKEN_PROBLEM(Party.PROBLEM),
  /** The sandbox could not be set up or failed under a run: the judge's. */
  SANDBOX_FAILURE(Party.JUDGE),
  /** Anything else the worker could not do: the judge's. */
  JUDGE_FAILURE(Party.JUDGE);

  /** Whose mistake a reason is. */
  public enum Party {
    /** The contest site's request. */
    SUBMITTER,
    /** The problem package. */
    PROBLEM,
    /** The judge node or fleet. */
    JUDGE
  }

  private final Party party;

  VerdictReason(Party party) {
    this.party = party;
  }

  /** Whose mistake it is. */
  public Party party() {
    return party;
  }
}
