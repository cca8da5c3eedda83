package dev.judgefleet.worker.cli;

import picocli.CommandLine.IVersionProvider;

/** picocli's view of {@link dev.judgefleet.worker.WorkerVersion}. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {dev.judgefleet.worker.WorkerVersion.get()};
  }
}
