package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.messaging.WorkerRuntime;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;

/** {@code judge serve}: the worker alone, against KAFKA_BOOTSTRAP_SERVERS, until SIGTERM. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the worker: judge submissions from Kafka until SIGTERM.",
      "Consumes judge.submissions and publishes judge.verdicts and judge.progress. Kafka: KAFKA_BOOTSTRAP_SERVERS (default localhost:9092). Health and metrics on JUDGE_HTTP_HOST:JUDGE_HTTP_PORT (default 0.0.0.0:8080), under /q/.",
      "On SIGTERM it takes no more submissions and lets those in flight finish for judge.worker.shutdown-grace."
    })
public final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = Logger.getLogger(ServeCommand.class);

  @Inject WorkerConfig config;
  @Inject WorkerRuntime runtime;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Override
  public Integer call() {
    if (!ConfigUtils.getProfiles().contains("serve")) {
      System.err.println(
          "judge serve: run it through bin/judge (which selects the 'serve' configuration"
              + " profile), or with -Dquarkus.profile=serve");
      return 2;
    }
    if (runtime.serve()) {
      WorkerRuntime.State state = runtime.state();
      LOG.infof(
          "worker %s ready: %d slots, cgroup %s, problems %s; consuming %s from %s",
          state.node(),
          state.slots().size(),
          state.stack().engine().cgroupVersion(),
          state.problems().where(),
          config.worker().topics().submissions(),
          bootstrap);
    } else {
      // Up, unready, out of the consumer group; /q/health/ready says why, and it tries again.
      LOG.errorf(
          "worker not ready, taking no submissions: sandbox self-test %s", runtime.selfTest());
    }
    if (LaunchMode.current() != LaunchMode.TEST) {
      Quarkus.waitForExit();
    }
    return 0;
  }
}
