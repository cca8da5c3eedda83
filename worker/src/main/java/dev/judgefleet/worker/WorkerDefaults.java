package dev.judgefleet.worker;

import io.quarkus.runtime.annotations.StaticInitSafe;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Defaults that depend on the node, below every other source: one judging slot per CPU. Properties,
 * environment variables and system properties all override it.
 */
@StaticInitSafe
public final class WorkerDefaults implements ConfigSource {
  private final Map<String, String> values =
      Map.of("judge.worker.slots", Integer.toString(Runtime.getRuntime().availableProcessors()));

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
