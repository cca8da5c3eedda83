package dev.judgefleet.worker.judge;

/** A problem's output validator does not build: every judging of that problem is IE. */
public final class ValidatorBuildException extends RuntimeException {
  public ValidatorBuildException(String message) {
    super(message);
  }
}
