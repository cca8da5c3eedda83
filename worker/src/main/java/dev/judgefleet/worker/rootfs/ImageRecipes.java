package dev.judgefleet.worker.rootfs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.judgefleet.worker.problem.YamlTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build's view of {@code rootfs-images/}: {@code base.yaml} (suite, {@code SOURCE_DATE_EPOCH},
 * base packages, optional mirror) and, from each language recipe, its image, packages, fetches and
 * suite. Languages naming the same image share it: its packages are the union of theirs.
 *
 * @param dir the recipes' directory
 * @param suite the base's Debian suite
 * @param mirror the Debian mirror, or empty for mmdebstrap's default
 * @param sourceDateEpoch the build's SOURCE_DATE_EPOCH
 * @param basePackages packages every image has
 * @param images the images by name, in recipe order
 */
public record ImageRecipes(
    Path dir,
    String suite,
    Optional<String> mirror,
    long sourceDateEpoch,
    List<String> basePackages,
    Map<String, ImageRecipe> images) {

  private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
  private static final Pattern MAVEN = Pattern.compile("[\\w.-]+:[\\w.-]+:[\\w.+-]+");
  private static final Pattern NPM = Pattern.compile("(@[\\w.-]+/)?[\\w.-]+@[\\w.+-]+");
  private static final Pattern INTO = Pattern.compile("/opt/[\\w.@/+-]+");

  public ImageRecipes {
    basePackages = List.copyOf(basePackages);
    images = new LinkedHashMap<>(images);
  }

  public static ImageRecipes read(Path dir) {
    JsonNode base = yaml(dir.resolve("base.yaml"));
    String suite = base.path("suite").asText("");
    if (suite.isEmpty()) {
      throw error(dir.resolve("base.yaml"), "needs a 'suite'");
    }
    long epoch = base.path("source_date_epoch").asLong(0);
    if (epoch <= 0) {
      throw error(dir.resolve("base.yaml"), "needs a positive 'source_date_epoch'");
    }
    Optional<String> mirror =
        base.hasNonNull("mirror") ? Optional.of(base.get("mirror").asText()) : Optional.empty();
    List<String> basePackages = packages(dir.resolve("base.yaml"), base);

    Map<String, String> suites = new LinkedHashMap<>();
    Map<String, Set<String>> packages = new LinkedHashMap<>();
    Map<String, List<String>> fetches = new LinkedHashMap<>();
    Map<String, List<String>> languages = new LinkedHashMap<>();
    Path languageDir = dir.resolve("languages");
    List<Path> files;
    try (Stream<Path> list = Files.list(languageDir)) {
      files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + languageDir, e);
    }
    for (Path file : files) {
      JsonNode recipe = yaml(file);
      String id = recipe.path("id").asText();
      String image = recipe.path("image").asText(id);
      if (image.equals(ImageRecipe.BASE) || !ImageInfo.validName(image)) {
        throw error(file, "bad image name '" + image + "'");
      }
      String own = recipe.path("suite").asText(suite);
      String before = suites.putIfAbsent(image, own);
      if (before != null && !before.equals(own)) {
        throw error(file, "image " + image + " is built from " + before + ", not " + own);
      }
      packages
          .computeIfAbsent(image, k -> new LinkedHashSet<>(basePackages))
          .addAll(packages(file, recipe));
      List<String> f = fetches.computeIfAbsent(image, k -> new ArrayList<>());
      for (JsonNode fetch : recipe.path("fetch")) {
        String spec = fetch(file, fetch);
        if (!f.contains(spec)) {
          f.add(spec);
        }
      }
      languages.computeIfAbsent(image, k -> new ArrayList<>()).add(id);
    }
    Map<String, ImageRecipe> images = new LinkedHashMap<>();
    for (String image : languages.keySet()) {
      images.put(
          image,
          new ImageRecipe(
              image,
              suites.get(image),
              List.copyOf(packages.get(image)),
              fetches.get(image),
              languages.get(image)));
    }
    return new ImageRecipes(dir, suite, mirror, epoch, basePackages, images);
  }

  /** The base image of a suite: Debian's essential set and the base packages. */
  public ImageRecipe base(String ofSuite) {
    String name = ofSuite.equals(suite) ? ImageRecipe.BASE : ImageRecipe.BASE + "-" + ofSuite;
    return new ImageRecipe(name, ofSuite, basePackages, List.of(), List.of());
  }

  /**
   * The images that {@code names} (language ids, image names, or {@code base} for the base itself)
   * need, in recipe order; all of them for an empty list.
   *
   * @throws IllegalArgumentException naming what is unknown
   */
  public List<ImageRecipe> select(List<String> names) {
    if (names.isEmpty()) {
      return List.copyOf(images.values());
    }
    Set<String> wanted = new LinkedHashSet<>();
    List<ImageRecipe> bases = new ArrayList<>();
    for (String name : names) {
      if (name.equals(ImageRecipe.BASE)) {
        bases.add(base(suite));
        continue;
      }
      if (images.containsKey(name)) {
        wanted.add(name);
        continue;
      }
      Optional<ImageRecipe> of =
          images.values().stream().filter(i -> i.languages().contains(name)).findFirst();
      if (of.isEmpty()) {
        throw new IllegalArgumentException(
            "no recipe for '" + name + "' in " + dir.resolve("languages"));
      }
      wanted.add(of.get().name());
    }
    List<ImageRecipe> out = new ArrayList<>(bases);
    images.values().stream().filter(i -> wanted.contains(i.name())).forEach(out::add);
    return out;
  }

  private static List<String> packages(Path file, JsonNode node) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : node.path("packages")) {
      String name = p.asText();
      if (!PACKAGE.matcher(name).matches()) {
        throw error(file, "bad package name '" + name + "'");
      }
      out.add(name);
    }
    return out;
  }

  private static String fetch(Path file, JsonNode fetch) {
    String into = fetch.path("into").asText("");
    if (!INTO.matcher(into).matches() || into.contains("..")) {
      throw error(file, "a fetch needs 'into:' a directory under /opt, not '" + into + "'");
    }
    if (fetch.hasNonNull("maven") && MAVEN.matcher(fetch.get("maven").asText()).matches()) {
      return "maven:" + fetch.get("maven").asText() + ":" + into;
    }
    if (fetch.hasNonNull("npm") && NPM.matcher(fetch.get("npm").asText()).matches()) {
      return "npm:" + fetch.get("npm").asText() + ":" + into;
    }
    throw error(
        file, "a fetch is 'maven: GROUP:ARTIFACT:VERSION' or 'npm: NAME@VERSION', got " + fetch);
  }

  private static JsonNode yaml(Path file) {
    try {
      JsonNode node = YamlTree.parse(Files.readAllBytes(file));
      if (node == null || !node.isObject()) {
        throw error(file, "must be a map");
      }
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    } catch (YamlTree.YamlException e) {
      throw error(file, e.getMessage());
    }
  }

  private static IllegalArgumentException error(Path file, String message) {
    return new IllegalArgumentException(file + ": " + message);
  }
}
