package dev.judgefleet.worker;

import io.quarkus.runtime.annotations.StaticInitSafe;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Defaults that depend on the node, below every other source: one judging slot per CPU, and a
 * consumer group of its own for the problem announcements (every worker must read all of them; a
 * shared group would split them between the workers). Properties, environment variables and system
 * properties all override it.
 */
@StaticInitSafe
public final class WorkerDefaults implements ConfigSource {
  private final Map<String, String> values =
      Map.of(
          "judge.worker.slots",
          Integer.toString(Runtime.getRuntime().availableProcessors()),
          "mp.messaging.incoming.problems.group.id",
          "judgefleet-problems-" + UUID.randomUUID());

  @Override
  public Set<String> getPropertyNames() {
    return values.keySet();
  }

  @Override
  public String getValue(String name) {
    return values.get(name);
  }

  @Override
  public String getName() {
    return "judgefleet-node-defaults";
  }

  @Override
  public int getOrdinal() {
    return 50;
  }
}
