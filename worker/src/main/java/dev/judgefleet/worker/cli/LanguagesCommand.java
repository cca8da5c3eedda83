package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code judge languages}: the languages this host can run, with their toolchains' versions. It
 * runs without Quarkus: it needs the catalog alone.
 */
@Command(
    name = "languages",
    mixinStandardHelpOptions = true,
    description = "List the languages this host can run, with their versions.")
public final class LanguagesCommand implements Callable<Integer>, StandaloneCommand {
  /** {@link dev.judgefleet.worker.WorkerConfig.Languages#file()}, read before Quarkus starts. */
  static final String LANGUAGES_FILE = "judge.languages.file";

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
    Collection<Language> languages = catalog().all();
    Map<String, String> versions =
        ToolchainVersions.inUserCache()
            .of(languages.stream().filter(LanguageCatalog::available).toList());
    List<Row> rows = new ArrayList<>();
    for (Language language : languages) {
      boolean available = versions.containsKey(language.id());
      if (available || all) {
        rows.add(new Row(language, available, versions.get(language.id())));
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

  /** The catalog as the worker configures it ({@code judge.languages.file}). */
  static LanguageCatalog catalog() {
    return LanguageCatalog.load(
        ConfigProvider.getConfig().getOptionalValue(LANGUAGES_FILE, String.class).map(Path::of));
  }
}
