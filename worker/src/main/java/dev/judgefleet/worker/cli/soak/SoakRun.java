package dev.judgefleet.worker.cli.soak;

import dev.judgefleet.worker.cli.load.LoadGenerator;
import dev.judgefleet.worker.messaging.TopicMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A soak, driven by the load generator: counts the run's verdicts and samples the worker every so
 * many, and once more at the end; the trends are fitted over those samples.
 */
public final class SoakRun implements LoadGenerator.Tap {
  /** Per-metric floors of growth that is never a leak, whatever the scatter. */
  static final double FDS_FLOOR = 16;

  static final double MOUNTS_FLOOR = 4;
  static final double CGROUPS_FLOOR = 4;
  static final double THREADS_FLOOR = 16;
  static final double PROCESSES_FLOOR = 4;
  static final double RSS_FLOOR = 128 << 20;

  private final ProcessProbe probe;
  private final String idPrefix;
  private final String verdictsTopic;
  private final long every;
  private final List<ProcessSample> samples = new ArrayList<>();
  private final long start = System.nanoTime();
  private long verdicts;
  private String failure;

  public SoakRun(ProcessProbe probe, String idPrefix, String verdictsTopic, long every) {
    this.probe = probe;
    this.idPrefix = idPrefix;
    this.verdictsTopic = verdictsTopic;
    this.every = Math.max(1, every);
    sample();
  }

  @Override
  public void received(TopicMessage message) {
    if (message.topic().equals(verdictsTopic)
        && message.key() != null
        && message.key().startsWith(idPrefix)) {
      verdicts++;
      if (verdicts % every == 0) {
        sample();
      }
    }
  }

  @Override
  public boolean doneSending() {
    return failure != null;
  }

  private void sample() {
    try {
      samples.add(probe.sample(verdicts, (System.nanoTime() - start) / 1e9));
    } catch (IOException e) {
      failure = "cannot sample worker pid " + probe.pid() + " (did it die?): " + e.getMessage();
    }
  }

  /** Why sampling stopped (the worker is gone), or null. */
  public String failure() {
    return failure;
  }

  /** The last sample, once every verdict is in, and the trends of every metric. */
  public List<Trend> finish() {
    if (failure == null && samples.get(samples.size() - 1).submissions() != verdicts) {
      sample();
    }
    // The first tenth is the JVM warming up (JIT, heap, pools filling), not a leak.
    int skip = samples.size() / 10;
    return List.of(
        Trend.fit("fds", samples, ProcessSample::fds, FDS_FLOOR, skip),
        Trend.fit("mounts", samples, ProcessSample::mounts, MOUNTS_FLOOR, skip),
        Trend.fit("state mounts", samples, ProcessSample::stateMounts, MOUNTS_FLOOR, skip),
        Trend.fit("cgroups", samples, ProcessSample::cgroups, CGROUPS_FLOOR, skip),
        Trend.fit("threads", samples, ProcessSample::threads, THREADS_FLOOR, skip),
        Trend.fit("processes", samples, ProcessSample::processes, PROCESSES_FLOOR, skip),
        Trend.fit("rss MiB", mib(samples), ProcessSample::rssBytes, RSS_FLOOR / (1 << 20), skip));
  }

  /** The samples with RSS in MiB, so that its trend reads like the others. */
  private static List<ProcessSample> mib(List<ProcessSample> samples) {
    return samples.stream()
        .map(
            s ->
                new ProcessSample(
                    s.submissions(),
                    s.seconds(),
                    s.fds(),
                    s.mounts(),
                    s.stateMounts(),
                    s.cgroups(),
                    s.threads(),
                    s.processes(),
                    s.rssBytes() >> 20))
        .toList();
  }

  public List<ProcessSample> samples() {
    return List.copyOf(samples);
  }
}
