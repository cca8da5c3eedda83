package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.rootfs.ImageInfo;
import dev.judgefleet.worker.rootfs.RootfsException;
import dev.judgefleet.worker.rootfs.StoredImage;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code judge rootfs list}: the images in the store, one row per language. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the images in the store: language, image, version, digest, size.")
public final class RootfsListCommand implements Callable<Integer> {
  @Inject WorkerConfig config;

  @Option(names = "--json", description = "print the list as JSON")
  boolean json;

  /** One language of a stored image (an image without languages, the base, gets one row). */
  record Row(String language, ImageInfo image) {
    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("language", language);
      m.put("image", image.name());
      m.put("version", language == null ? null : image.versions().get(language));
      m.put("digest", image.digest());
      m.put("sizeBytes", image.sizeBytes());
      m.put("suite", image.suite());
      return m;
    }
  }

  @Override
  public Integer call() throws IOException {
    RootfsSetup setup = new RootfsSetup(config);
    List<Row> rows = new ArrayList<>();
    for (String name : setup.store.names()) {
      Optional<StoredImage> image;
      try {
        image = setup.store.image(name);
      } catch (RootfsException e) {
        System.err.println("rootfs list: " + e.getMessage());
        continue;
      }
      if (image.isEmpty()) {
        continue;
      }
      ImageInfo info = image.get().info();
      List<String> languages =
          setup.recipes.images().containsKey(name)
              ? setup.recipes.images().get(name).languages()
              : List.of();
      if (languages.isEmpty()) {
        rows.add(new Row(null, info));
      }
      languages.forEach(l -> rows.add(new Row(l, info)));
    }
    if (json) {
      JsonOutput.print(rows.stream().map(Row::json).toList());
      return 0;
    }
    System.out.printf(
        "%-12s %-9s %-44s %-71s %s%n", "language", "image", "version", "digest", "size");
    for (Row row : rows) {
      String version =
          row.language() == null
              ? "(shared base)"
              : row.image().versions().getOrDefault(row.language(), "?");
      System.out.printf(
          "%-12s %-9s %-44s %-71s %s%n",
          row.language() == null ? "-" : row.language(),
          row.image().name(),
          version.length() > 44 ? version.substring(0, 41) + "..." : version,
          row.image().digest(),
          Units.humanBytes(row.image().sizeBytes()));
    }
    return 0;
  }
}
