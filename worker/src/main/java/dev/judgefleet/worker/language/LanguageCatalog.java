package dev.judgefleet.worker.language;

import dev.judgefleet.worker.rootfs.RootfsException;
import dev.judgefleet.worker.rootfs.RootfsStore;
import dev.judgefleet.worker.rootfs.StoredImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The languages this worker knows, read from the recipes of {@code rootfs-images/languages/} (one
 * YAML file each), and where each runs: in its image from the node's store, or with the host's
 * binds. Adding a language is adding a recipe; nothing here names one.
 */
public final class LanguageCatalog {
  /** The system property (and config key) naming the recipes' directory. */
  public static final String RECIPES_PROPERTY = "judge.languages.recipes";

  private final Map<String, Language> byId;
  private final RootfsMode mode;

  public LanguageCatalog(Collection<Language> languages) {
    this(languages, RootfsMode.HOST);
  }

  private LanguageCatalog(Collection<Language> languages, RootfsMode mode) {
    Map<String, Language> map = new LinkedHashMap<>();
    for (Language language : languages) {
      if (map.put(language.id(), language) != null) {
        throw new IllegalArgumentException("language " + language.id() + " defined twice");
      }
    }
    this.byId = map;
    this.mode = mode;
  }

  /** The recipes' languages, run with the host's binds. */
  public static LanguageCatalog builtIn() {
    return fromRecipes(recipesDirectory(Optional.empty()));
  }

  /** The languages of the recipes in {@code dir}/languages, in file-name order, host binds. */
  public static LanguageCatalog fromRecipes(Path dir) {
    Path languages = dir.resolve("languages");
    List<Language> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(languages)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        all.add(LanguageFile.recipe(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the language recipes in " + languages, e);
    }
    return new LanguageCatalog(all);
  }

  /**
   * The worker's catalog: the recipes, changed by a language file when one is configured, each
   * language placed in its image or on the host as {@code mode} says.
   */
  public static LanguageCatalog load(
      Optional<Path> recipes, Optional<Path> file, RootfsMode mode, RootfsStore store) {
    LanguageCatalog catalog = fromRecipes(recipesDirectory(recipes));
    if (file.isPresent()) {
      catalog = LanguageFile.apply(catalog, file.get());
    }
    return catalog.placed(mode, store);
  }

  /**
   * The same languages, each in its stored image (if {@code mode} allows and the store has it).
   * Languages of one image share its handle, so it is verified once.
   */
  public LanguageCatalog placed(RootfsMode newMode, RootfsStore store) {
    Map<String, Optional<StoredImage>> images = new HashMap<>();
    List<Language> placed = new ArrayList<>();
    for (Language l : byId.values()) {
      Optional<StoredImage> image =
          newMode == RootfsMode.HOST
              ? Optional.empty()
              : images.computeIfAbsent(l.image(), name -> stored(store, name));
      placed.add(l.withRootfs(image));
    }
    return new LanguageCatalog(placed, newMode);
  }

  private static Optional<StoredImage> stored(RootfsStore store, String name) {
    try {
      return store.image(name);
    } catch (RootfsException e) {
      // An unreadable pointer: IMAGE mode reports the language missing; AUTO falls back.
      return Optional.empty();
    }
  }

  /**
   * The directory of the recipes: the configured one, else {@value #RECIPES_PROPERTY}, else {@code
   * rootfs-images} in the working directory or its parent (a checkout, or its worker module).
   */
  public static Path recipesDirectory(Optional<Path> configured) {
    if (configured.isPresent()) {
      return configured.get();
    }
    String property = System.getProperty(RECIPES_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    for (Path candidate : List.of(Path.of("rootfs-images"), Path.of("..", "rootfs-images"))) {
      if (Files.isDirectory(candidate.resolve("languages"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException(
        "the language recipes (rootfs-images/languages) are not here; set "
            + RECIPES_PROPERTY
            + " to the rootfs-images directory");
  }

  public RootfsMode mode() {
    return mode;
  }

  public Optional<Language> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Collection<Language> all() {
    return byId.values();
  }

  /** Whether this node can run the language: its image is sound, or the host has its toolchain. */
  public boolean available(Language language) {
    return missing(language).isEmpty();
  }

  /** Why this node cannot run the language, or empty when it can. Verifies an image once. */
  public Optional<String> missing(Language language) {
    if (language.rootfs().isPresent()) {
      return language.rootfs().get().problem();
    }
    if (mode == RootfsMode.IMAGE) {
      return Optional.of(
          "its image '"
              + language.image()
              + "' is not in this node's store (bin/judge rootfs build "
              + language.id()
              + ")");
    }
    return hostHas(language)
        ? Optional.empty()
        : Optional.of("this host lacks its toolchain (" + language.toolchainExecutable() + ")");
  }

  /**
   * Whether the host has the toolchain: its executables, and the directories it is bound from (what
   * an image gets by a download, such as /opt/kotlin, a host must have installed there).
   */
  private static boolean hostHas(Language language) {
    String runner = language.run().get(0);
    // A compiled program (/box/main) exists only after its compile.
    boolean runnerOnHost = !runner.startsWith("/box/");
    return Files.isExecutable(Path.of(language.toolchainExecutable()))
        && (!runnerOnHost || Files.isExecutable(Path.of(runner)))
        && language.binds().stream().allMatch(b -> b.optional() || Files.exists(b.source()));
  }

  /** The language a file name's extension maps to (only languages chosen by extension). */
  public Optional<Language> forFile(String fileName) {
    return byId.values().stream()
        .filter(Language::byExtension)
        .filter(l -> l.isSourceFile(fileName))
        .findFirst();
  }
}
