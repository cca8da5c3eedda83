package dev.judgefleet.worker.cli;

import picocli.CommandLine.IVersionProvider;

/** The worker's version, from the jar's manifest when there is one. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = JudgeCommand.class.getPackage().getImplementationVersion();
    return new String[] {"judgefleet " + (version == null ? "development build" : version)};
  }
}
