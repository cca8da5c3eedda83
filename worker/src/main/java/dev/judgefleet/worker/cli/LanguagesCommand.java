package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.language.RootfsMode;
import dev.judgefleet.worker.rootfs.RootfsStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code judge languages}: the languages this node can run, with their toolchains' versions: the
 * one an image recorded when it was built, or the host toolchain's. It runs without Quarkus: it
 * needs the catalog alone.
 */
@Command(
    name = "languages",
    mixinStandardHelpOptions = true,
    description = "List the languages this host can run, with versions and images.")
public final class LanguagesCommand implements Callable<Integer>, StandaloneCommand {
  @Option(names = "--json", description = "print the list as JSON")
  boolean json;

  @Option(names = "--all", description = "also list languages this host lacks")
  boolean all;

  /**
   * One language as listed; {@code version} is null when the node lacks it, {@code rootfs} is the
   * image's digest or "host".
   */
  record Row(Language language, boolean available, String version, String rootfs) {
    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", language.id());
      m.put("name", language.name());
      m.put("extensions", language.extensions());
      m.put("available", available);
      m.put("version", version);
      m.put("rootfs", rootfs);
      m.put("compile", language.compile());
      m.put("run", language.run());
      return m;
    }
  }

  @Override
  public Integer call() throws IOException {
    LanguageCatalog catalog = catalog();
    List<Language> available = catalog.all().stream().filter(catalog::available).toList();
    // Host toolchains are asked (at once, remembered per binary); an image recorded its versions.
    Map<String, String> hostVersions =
        ToolchainVersions.inUserCache()
            .of(available.stream().filter(l -> l.rootfs().isEmpty()).toList());
    List<Row> rows = new ArrayList<>();
    for (Language language : catalog.all()) {
      boolean here = available.contains(language);
      if (here || all) {
        String rootfs = language.rootfs().map(i -> i.name() + "@" + i.digest()).orElse("host");
        String version = here ? version(language, hostVersions) : null;
        rows.add(new Row(language, here, version, rootfs));
      }
    }
    if (json) {
      JsonOutput.print(rows.stream().map(Row::json).toList());
      return 0;
    }
    System.out.printf(
        "%-12s %-26s %-16s %-30s %s%n", "id", "name", "extensions", "rootfs", "version");
    for (Row row : rows) {
      System.out.printf(
          "%-12s %-26s %-16s %-30s %s%n",
          row.language().id(),
          row.language().name(),
          String.join(",", row.language().extensions()),
          shortRootfs(row.rootfs()),
          row.available() ? row.version() : "(not available)");
    }
    return 0;
  }

  private static String version(Language language, Map<String, String> hostVersions) {
    return language
        .rootfs()
        .map(image -> image.info().versions().getOrDefault(language.id(), "?"))
        .orElseGet(() -> hostVersions.getOrDefault(language.id(), "?"));
  }

  /** {@code gcc@sha256:0123456789ab}: the image and enough of its digest to tell it apart. */
  static String shortRootfs(String rootfs) {
    int at = rootfs.indexOf("@sha256:");
    return at < 0 ? rootfs : rootfs.substring(0, Math.min(rootfs.length(), at + 20));
  }

  /**
   * The catalog as {@link dev.judgefleet.worker.WorkerConfig#catalog()} builds it, read from the
   * same settings ({@code judge.languages.*}, {@code judge.sandbox.state-dir}) before Quarkus
   * starts; the defaults are the worker's.
   */
  static LanguageCatalog catalog() {
    Config config = ConfigProvider.getConfig();
    Optional<Path> store = config.getOptionalValue("judge.languages.store", Path.class);
    Path stateDir =
        config
            .getOptionalValue("judge.sandbox.state-dir", Path.class)
            .orElse(Path.of("/var/lib/judgefleet"));
    return LanguageCatalog.load(
        config.getOptionalValue(LanguageCatalog.RECIPES_PROPERTY, Path.class),
        config.getOptionalValue("judge.languages.file", Path.class),
        RootfsMode.parse(
            config.getOptionalValue("judge.languages.rootfs", String.class).orElse("auto")),
        store.map(RootfsStore::new).orElseGet(() -> RootfsStore.under(stateDir)));
  }
}
