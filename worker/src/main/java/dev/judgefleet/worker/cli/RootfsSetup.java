package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.judge.LanguageTests;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.language.RootfsMode;
import dev.judgefleet.worker.rootfs.ImageBuilder;
import dev.judgefleet.worker.rootfs.ImageInfo;
import dev.judgefleet.worker.rootfs.ImageRecipe;
import dev.judgefleet.worker.rootfs.ImageRecipes;
import dev.judgefleet.worker.rootfs.RootfsException;
import dev.judgefleet.worker.rootfs.RootfsStore;
import dev.judgefleet.worker.rootfs.StoredImage;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the rootfs commands share: the recipes, the node's store, and building with versions. */
final class RootfsSetup {
  final Path recipesDir;
  final ImageRecipes recipes;
  final RootfsStore store;
  private final WorkerConfig config;

  RootfsSetup(WorkerConfig config) {
    this.config = config;
    this.recipesDir = LanguageCatalog.recipesDirectory(config.languages().recipes());
    this.recipes = ImageRecipes.read(recipesDir);
    this.store = config.rootfsStore();
  }

  /** The languages, each in its stored image (a language without one is missing). */
  LanguageCatalog imageCatalog() {
    return LanguageCatalog.load(
        Optional.of(recipesDir), config.languages().file(), RootfsMode.IMAGE, store);
  }

  /**
   * Builds the images (or finds them), prints each one's digest, and records the versions its
   * languages print in it. An image that fails to build is reported and the others go on.
   *
   * @return whether every image is in the store
   */
  boolean build(List<ImageRecipe> images, boolean force, PrintStream out, PrintStream log) {
    ImageBuilder builder = new ImageBuilder(store, recipes, log);
    boolean all = true;
    try (AutoCloseable lock = store.lockForBuilds();
        SandboxEngine engine = SandboxEngine.start(config.sandbox().engineSettings())) {
      for (ImageRecipe recipe : images) {
        long start = System.nanoTime();
        ImageBuilder.Built built;
        try {
          built = builder.build(recipe, force);
        } catch (RootfsException | java.io.UncheckedIOException e) {
          all = false;
          out.printf("%-10s FAILED  %s%n", recipe.name(), e.getMessage());
          continue;
        }
        StoredImage image = built.image();
        if (built.fresh() || image.info().versions().keySet().size() < recipe.languages().size()) {
          recordVersions(engine, image);
          image = store.image(recipe.name()).orElseThrow();
        }
        out.printf(
            "%-10s %s  %9s  %s%n",
            image.name(),
            image.digest(),
            Units.humanBytes(image.info().sizeBytes()),
            built.fresh()
                ? String.format(Locale.ROOT, "built in %.0f s", (System.nanoTime() - start) / 1e9)
                : "in the store (--force rebuilds it)");
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("releasing the build lock of " + store.dir(), e);
    }
    return all;
  }

  /** Records the versions the image's languages print in it (a sandbox engine of its own). */
  void recordVersions(StoredImage image) {
    try (SandboxEngine engine = SandboxEngine.start(config.sandbox().engineSettings())) {
      recordVersions(engine, image);
    }
  }

  private void recordVersions(SandboxEngine engine, StoredImage image) {
    LanguageCatalog catalog = imageCatalog();
    Map<String, String> versions = new LinkedHashMap<>();
    for (Language language : catalog.all()) {
      if (language.image().equals(image.name()) && catalog.available(language)) {
        versions.put(language.id(), LanguageTests.version(engine, language, 0));
      }
    }
    ImageInfo info = image.info().withVersions(versions);
    store.writeInfo(info);
  }
}
