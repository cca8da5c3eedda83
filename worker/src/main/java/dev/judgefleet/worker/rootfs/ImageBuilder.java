package dev.judgefleet.worker.rootfs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds images: {@code build.sh} (mmdebstrap) makes the tree in the store's scratch space, the
 * tree is hashed, moved into the store under its digest, and exported to the store's OCI layout as
 * two layers, the suite's shared base and the image's own difference from it.
 */
public final class ImageBuilder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RootfsStore store;
  private final ImageRecipes recipes;
  private final PrintStream log;

  public ImageBuilder(RootfsStore store, ImageRecipes recipes, PrintStream log) {
    this.store = store;
    this.recipes = recipes;
    this.log = log;
  }

  /** The result of building (or finding) one image. */
  public record Built(StoredImage image, boolean fresh, String ociManifest) {}

  /**
   * Builds {@code recipe} unless the store has it already ({@code force} rebuilds it), and its
   * suite's base first when that is missing.
   */
  public Built build(ImageRecipe recipe, boolean force) {
    Optional<StoredImage> existing = store.image(recipe.name());
    if (existing.isPresent() && !force) {
      return new Built(existing.get(), false, null);
    }
    ImageRecipe baseRecipe = recipes.base(recipe.suite());
    StoredImage base =
        store.image(baseRecipe.name()).isPresent() && !recipe.name().equals(baseRecipe.name())
            ? store.image(baseRecipe.name()).get()
            : null;
    if (base == null && !recipe.name().equals(baseRecipe.name())) {
      base = build(baseRecipe, false).image();
    }
    Path work = store.newWorkDir(recipe.name());
    try {
      Path tree = work.resolve("tree");
      runScript(recipe, tree, work.resolve("build.log"));
      log.printf("rootfs: %s: hashing the tree ...%n", recipe.name());
      TreeScan scan = TreeScan.of(tree);
      ImageInfo info =
          new ImageInfo(
              recipe.name(),
              scan.digest(),
              recipe.suite(),
              recipes.sourceDateEpoch(),
              scan.bytes(),
              scan.entries().size(),
              DpkgStatus.installed(tree),
              Map.of());
      StoredImage stored = store.install(tree, scan, info);
      String manifest = export(stored, scan, base);
      return new Built(stored, true, manifest);
    } finally {
      try {
        RootfsStore.deleteTree(work);
      } catch (IOException e) {
        log.printf("rootfs: could not remove %s: %s%n", work, e.getMessage());
      }
    }
  }

  /** Writes the image to the OCI layout: the base's layer (once) and this image's own. */
  private String export(StoredImage image, TreeScan scan, StoredImage base) {
    OciLayout oci = new OciLayout(store.ociLayout());
    long epoch = recipes.sourceDateEpoch();
    List<LayerWriter.Layer> layers = new ArrayList<>();
    if (base == null) {
      layers.add(fullLayer(image, scan, oci));
    } else {
      TreeScan baseScan = manifest(base);
      layers.add(fullLayer(base, baseScan, oci));
      log.printf("rootfs: %s: writing its layer ...%n", image.name());
      layers.add(LayerWriter.diff(image.root(), scan, baseScan, epoch, oci.blobs()));
    }
    List<String> languages =
        recipes.images().containsKey(image.name())
            ? recipes.images().get(image.name()).languages()
            : List.of();
    return oci.tag(image.name(), layers, image.digest(), languages, epoch);
  }

  /** The layer of a whole tree, written once and remembered next to the tree. */
  private LayerWriter.Layer fullLayer(StoredImage image, TreeScan scan, OciLayout oci) {
    Path remembered = store.dir().resolve("sha256-" + image.info().hex() + ".layer.json");
    try {
      if (Files.exists(remembered)) {
        LayerWriter.Layer layer = JSON.readValue(remembered.toFile(), LayerWriter.Layer.class);
        if (Files.exists(oci.blobs().resolve(layer.digest().substring("sha256:".length())))) {
          return layer;
        }
      }
      log.printf("rootfs: %s: writing its layer ...%n", image.name());
      LayerWriter.Layer layer =
          LayerWriter.full(image.root(), scan, recipes.sourceDateEpoch(), oci.blobs());
      Files.write(remembered, JSON.writeValueAsBytes(layer));
      return layer;
    } catch (IOException e) {
      throw new UncheckedIOException("the layer of image " + image.name(), e);
    }
  }

  /** An image's manifest as stored next to its tree. */
  public TreeScan manifest(StoredImage image) {
    Path file = store.dir().resolve("sha256-" + image.info().hex() + ".manifest");
    try {
      TreeScan scan = TreeScan.parseManifest(Files.readString(file, StandardCharsets.UTF_8));
      if (!scan.digest().equals(image.digest())) {
        throw new RootfsException("the manifest " + file + " does not hash to " + image.digest());
      }
      return scan;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }

  private void runScript(ImageRecipe recipe, Path tree, Path logFile) {
    List<String> argv = new ArrayList<>();
    argv.add(recipes.dir().resolve("build.sh").toString());
    argv.addAll(List.of("--suite", recipe.suite()));
    argv.addAll(List.of("--cache", store.packageCache(recipe.suite()).toString()));
    if (!recipe.packages().isEmpty()) {
      argv.addAll(List.of("--packages", String.join(",", recipe.packages())));
    }
    String mirror = System.getenv("JUDGE_ROOTFS_MIRROR");
    if (mirror != null && !mirror.isBlank()) {
      argv.addAll(List.of("--mirror", mirror));
    } else {
      recipes.mirror().ifPresent(m -> argv.addAll(List.of("--mirror", m)));
    }
    for (String fetch : recipe.fetches()) {
      argv.addAll(List.of("--fetch", fetch));
    }
    argv.add(tree.toString());
    log.printf(
        "rootfs: %s: building from %s (%d packages%s) ...%n",
        recipe.name(),
        recipe.suite(),
        recipe.packages().size(),
        recipe.fetches().isEmpty() ? "" : ", " + recipe.fetches().size() + " downloads");
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
    pb.redirectOutput(logFile.toFile());
    pb.environment().put("SOURCE_DATE_EPOCH", Long.toString(recipes.sourceDateEpoch()));
    // Package scripts must not see the caller's locale or temporary directory.
    pb.environment().put("LC_ALL", "C.UTF-8");
    pb.environment().remove("TMPDIR");
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      int code = p.waitFor();
      if (code != 0) {
        List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        String tail =
            String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        throw new RootfsException(
            "building image " + recipe.name() + ": build.sh exited with " + code + ":\n" + tail);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("starting " + argv.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RootfsException("building image " + recipe.name() + ": interrupted", e);
    }
  }
}
