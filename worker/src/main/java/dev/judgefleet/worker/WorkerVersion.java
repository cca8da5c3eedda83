package dev.judgefleet.worker;

/** The worker's version, from the jar's manifest when there is one. */
public final class WorkerVersion {
  private WorkerVersion() {}

  public static String get() {
    String version = WorkerVersion.class.getPackage().getImplementationVersion();
    return "judgefleet " + (version == null ? "development build" : version);
  }
}
