package dev.judgefleet.worker.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.judgefleet.worker.problem.YamlTree;
import dev.judgefleet.worker.sandbox.Bind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML file that changes the built-in catalog ({@code judge.languages.file}): an entry whose id
 * is known overrides the fields it gives, a new id adds a language (it needs at least {@code name},
 * {@code extensions}, {@code source_file} and {@code run}), and {@code enabled: false} removes one.
 *
 * <pre>
 * languages:
 *   - id: cpp
 *     compile: [/usr/bin/g++, -std=gnu++17, -O2, -static, -o, main, "{sources}"]
 *   - id: kotlin
 *     name: Kotlin
 *     extensions: [kt]
 *     source_file: main.kt
 *     compile: [/opt/kotlinc/bin/kotlinc, -d, ., "{sources}"]
 *     run: [/usr/bin/java, -cp, /box, "{main}"]
 *     entry_point: kotlin_main_kt
 *     binds: [/opt/kotlinc]
 *   - id: rust
 *     enabled: false
 * </pre>
 */
public final class LanguageFile {
  private static final long MAX_BYTES = 1 << 20;
  private static final double MIB = 1024.0 * 1024;

  /**
   * What a new language gets for the keys it leaves out. Its name, extensions, source file and run
   * are never used: {@link #apply} refuses a new language without them (the record needs a run).
   */
  private static final Language NEW_LANGUAGE =
      new Language(
          "(new)",
          null,
          List.of(),
          null,
          List.of(),
          List.of("(given)"),
          1.0,
          0,
          "default",
          16,
          0,
          List.of(),
          List.of(),
          List.of(),
          EntryPoint.FIXED,
          "main",
          "",
          "",
          true,
          Optional.empty());

  private static final Set<String> KEYS =
      Set.of(
          "id",
          "name",
          "extensions",
          "source_file",
          "compile",
          "run",
          "time_factor",
          "extra_memory_mib",
          "seccomp_profile",
          "processes",
          "stack_mib",
          "binds",
          "env",
          "version",
          "entry_point",
          "default_main",
          "enabled",
          "image",
          "out_of_memory",
          "by_extension",
          // Read by the image build only (rootfs-images/): Debian packages, downloads, suite.
          "packages",
          "fetch",
          "suite");

  private LanguageFile() {}

  public static LanguageCatalog apply(LanguageCatalog base, Path file) {
    JsonNode root = read(file);
    JsonNode list = root == null ? null : root.get("languages");
    if (list == null || !list.isArray()) {
      throw error(file, "needs a 'languages:' list");
    }
    Map<String, Language> languages = new LinkedHashMap<>();
    base.all().forEach(l -> languages.put(l.id(), l));
    for (JsonNode entry : list) {
      String id = text(file, entry, "id", null);
      if (id == null) {
        throw error(file, "every language needs an 'id'");
      }
      checkKeys(file, id, entry);
      if (entry.has("enabled") && !entry.get("enabled").asBoolean(true)) {
        languages.remove(id);
        continue;
      }
      Language old = languages.get(id);
      if (old == null
          && (!entry.has("run")
              || !entry.has("name")
              || !entry.has("source_file")
              || !entry.has("extensions"))) {
        throw error(file, "new language " + id + " needs name, extensions, source_file and run");
      }
      try {
        languages.put(id, merge(file, id, entry, old));
      } catch (IllegalArgumentException e) {
        throw error(file, "language " + id + ": " + e.getMessage());
      }
    }
    return new LanguageCatalog(languages.values());
  }

  /**
   * One recipe of {@code rootfs-images/languages/}: a map with the keys of a language file's entry,
   * whose {@code id} is the file's name without {@code .yaml}.
   */
  public static Language recipe(Path file) {
    JsonNode entry = read(file);
    if (entry == null || !entry.isObject()) {
      throw error(file, "must be a map of a language's keys");
    }
    String name = file.getFileName().toString();
    String id = text(file, entry, "id", null);
    if (id == null || !name.equals(id + ".yaml")) {
      throw error(file, "needs 'id: " + name.replaceFirst("\\.yaml$", "") + "' (its file name)");
    }
    checkKeys(file, id, entry);
    if (!entry.has("run")
        || !entry.has("name")
        || !entry.has("source_file")
        || !entry.has("extensions")) {
      throw error(file, "language " + id + " needs name, extensions, source_file and run");
    }
    try {
      return merge(file, id, entry, null);
    } catch (IllegalArgumentException e) {
      throw error(file, "language " + id + ": " + e.getMessage());
    }
  }

  private static JsonNode read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw error(file, "is over " + MAX_BYTES + " bytes");
      }
      return YamlTree.parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw error(file, "cannot be read: " + e.getMessage());
    } catch (YamlTree.YamlException e) {
      throw error(file, e.getMessage());
    }
  }

  private static void checkKeys(Path file, String id, JsonNode entry) {
    for (Iterator<String> keys = entry.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!KEYS.contains(key)) {
        throw error(file, "language " + id + ": unknown key '" + key + "'");
      }
    }
  }

  private static Language merge(Path file, String id, JsonNode e, Language old) {
    Language base = old != null ? old : NEW_LANGUAGE;
    return new Language(
        id,
        text(file, e, "name", base.name()),
        list(file, e, "extensions", base.extensions()),
        text(file, e, "source_file", base.sourceFile()),
        list(file, e, "compile", base.compile()),
        list(file, e, "run", base.run()),
        number(file, e, "time_factor", base.timeFactor()),
        e.has("extra_memory_mib")
            ? (long) (number(file, e, "extra_memory_mib", 0) * MIB)
            : base.extraMemoryBytes(),
        text(file, e, "seccomp_profile", base.seccompProfile()),
        (int) number(file, e, "processes", base.processes()),
        e.has("stack_mib") ? (long) (number(file, e, "stack_mib", 0) * MIB) : base.stackBytes(),
        e.has("binds")
            ? list(file, e, "binds", List.of()).stream()
                .map(p -> new Bind(Path.of(p), p, false))
                .toList()
            : base.binds(),
        list(file, e, "env", base.env()),
        list(file, e, "version", base.version()),
        e.has("entry_point")
            ? EntryPoint.valueOf(text(file, e, "entry_point", null).toUpperCase(Locale.ROOT))
            : base.entryPoint(),
        text(file, e, "default_main", base.defaultMain()),
        text(file, e, "image", base.image().equals(base.id()) ? id : base.image()),
        text(file, e, "out_of_memory", base.outOfMemory()),
        e.has("by_extension") ? e.get("by_extension").asBoolean(true) : base.byExtension(),
        Optional.empty());
  }

  private static String text(Path file, JsonNode e, String key, String fallback) {
    JsonNode v = e.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isValueNode()) {
      throw error(file, "'" + key + "' must be a string");
    }
    return v.asText();
  }

  private static double number(Path file, JsonNode e, String key, double fallback) {
    JsonNode v = e.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isNumber() || v.asDouble() <= 0) {
      throw error(file, "'" + key + "' must be a positive number, got " + v);
    }
    return v.asDouble();
  }

  private static List<String> list(Path file, JsonNode e, String key, List<String> fallback) {
    JsonNode v = e.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isArray()) {
      throw error(file, "'" + key + "' must be a list");
    }
    List<String> out = new ArrayList<>();
    v.forEach(item -> out.add(item.asText()));
    return out;
  }

  private static IllegalArgumentException error(Path file, String message) {
    return new IllegalArgumentException("language file " + file + ": " + message);
  }
}
