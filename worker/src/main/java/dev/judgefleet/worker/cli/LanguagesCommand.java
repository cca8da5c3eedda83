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

/**
 * {@code judge languages}: the languages this node can run, with their toolchains' versions: the
 * one an image recorded when it was built, or the host toolchain's.
 */
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
    List<Row> rows = new ArrayList<>();
    LanguageCatalog catalog = config.catalog();
    for (Language language : catalog.all()) {
      boolean available = catalog.available(language);
      if (available || all) {
        String rootfs = language.rootfs().map(i -> i.name() + "@" + i.digest()).orElse("host");
        rows.add(new Row(language, available, available ? version(language) : null, rootfs));
      }
    }
    if (json) {
      JsonOutput.print(rows.stream().map(Row::json).toList());
      return 0;
    }
    System.out.printf(
        "%-12s %-26s %-16s %-26s %s%n", "id", "name", "extensions", "rootfs", "version");
    for (Row row : rows) {
      System.out.printf(
          "%-12s %-26s %-16s %-26s %s%n",
          row.language().id(),
          row.language().name(),
          String.join(",", row.language().extensions()),
          shortRootfs(row.rootfs()),
          row.available() ? row.version() : "(not available)");
    }
    return 0;
  }

  /** {@code gcc@sha256:0123456789ab}: the image and enough of its digest to tell it apart. */
  static String shortRootfs(String rootfs) {
    int at = rootfs.indexOf("@sha256:");
    return at < 0 ? rootfs : rootfs.substring(0, Math.min(rootfs.length(), at + 20));
  }

  /**
   * The toolchain's version: what its image recorded when it was built, else the first line the
   * host's toolchain prints (10 s at most).
   */
  static String version(Language language) {
    if (language.rootfs().isPresent()) {
      return language.rootfs().get().info().versions().getOrDefault(language.id(), "?");
    }
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
