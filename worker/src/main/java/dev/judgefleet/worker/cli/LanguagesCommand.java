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

  /** One language as listed; {@code version} is null when the host lacks it. */
  record Row(Language language, boolean available, String version) {
    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", language.id());
      m.put("name", language.name());
      m.put("extensions", language.extensions());
      m.put("available", available);
      m.put("version", version);
      m.put("compile", language.compile());
      m.put("run", language.run());
      return m;
    }
  }

  @Override
  public Integer call() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (Language language : config.languages().catalog().all()) {
      boolean available = LanguageCatalog.available(language);
      if (available || all) {
        rows.add(new Row(language, available, available ? version(language) : null));
      }
    }
    if (json) {
      JsonOutput.print(rows.stream().map(Row::json).toList());
      return 0;
    }
    System.out.printf("%-12s %-24s %-18s %s%n", "id", "name", "extensions", "version");
    for (Row row : rows) {
      System.out.printf(
          "%-12s %-24s %-18s %s%n",
          row.language().id(),
          row.language().name(),
          String.join(",", row.language().extensions()),
          row.available() ? row.version() : "(not installed)");
    }
    return 0;
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
