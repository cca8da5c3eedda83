package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code judge languages}: the languages this host can run, with their toolchains' versions. */
@Command(
    name = "languages",
    mixinStandardHelpOptions = true,
    description = "List the languages this host can compile and run, with their versions.")
public final class LanguagesCommand implements Callable<Integer> {
  @jakarta.inject.Inject dev.judgefleet.worker.WorkerConfig config;

  @Option(names = "--json", description = "print the list as JSON")
  boolean json;

  @Option(names = "--all", description = "also list languages this host lacks")
  boolean all;

  @Override
  public Integer call() throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Language language : config.languages().catalog().all()) {
      boolean available = LanguageCatalog.available(language);
      if (!available && !all) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", language.id());
      row.put("name", language.name());
      row.put("extensions", language.extensions());
      row.put("available", available);
      row.put("version", available ? version(language) : null);
      row.put("compile", language.compile());
      row.put("run", language.run());
      rows.add(row);
    }
    if (json) {
      JsonOutput.print(rows);
      return 0;
    }
    System.out.printf("%-12s %-24s %-18s %s%n", "id", "name", "extensions", "version");
    for (Map<String, Object> row : rows) {
      System.out.printf(
          "%-12s %-24s %-18s %s%n",
          row.get("id"),
          row.get("name"),
          String.join(",", extensions(row)),
          row.get("available").equals(true) ? row.get("version") : "(not installed)");
    }
    return 0;
  }

  @SuppressWarnings("unchecked")
  private static List<String> extensions(Map<String, Object> row) {
    return (List<String>) row.get("extensions");
  }

  /** The first line the toolchain prints of its version (run on the host, 10 s at most). */
  static String version(Language language) {
    try {
      Process p = new ProcessBuilder(language.version()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "?";
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return out.isEmpty() ? "?" : out.lines().findFirst().orElse("?");
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }
}
