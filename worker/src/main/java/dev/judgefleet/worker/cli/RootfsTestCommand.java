package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.judge.LanguageTests;
import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.rootfs.ImageRecipe;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code judge rootfs test}: each language's own programs ({@code rootfs-images/tests/<lang>/}) in
 * its image, as a table; images not in the store are built first.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Run each language's test programs in its image.",
      "Runs each language's test programs (rootfs-images/tests/<lang>/: hello, aplusb, compile_error, runtime_error, infinite_loop, memory_hog, threads) in its image, building the images the store lacks first, and prints a table. Exit status 1 if any verdict is not the expected one."
    })
public final class RootfsTestCommand implements Callable<Integer> {
  /** The width of a verdict column: its header, {@code infinite_loop=TLE}, is the widest. */
  private static final int CELL = 17;

  @Spec CommandSpec spec;

  @Inject WorkerConfig config;

  @Option(names = "--all", description = "every language of the recipes")
  boolean all;

  @Option(names = "--no-build", description = "test only images already in the store")
  boolean noBuild;

  @Option(names = "--json", description = "print the results as JSON")
  boolean json;

  @Parameters(paramLabel = "LANG", description = "languages")
  List<String> names = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if (all == !names.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "name languages, or --all");
    }
    RootfsSetup setup = new RootfsSetup(config);
    LanguageCatalog recipes = LanguageCatalog.fromRecipes(setup.recipesDir);
    List<String> ids = all ? recipes.all().stream().map(Language::id).toList() : names;
    for (String id : ids) {
      if (recipes.find(id).isEmpty()) {
        throw new ParameterException(spec.commandLine(), "no recipe for language '" + id + "'");
      }
    }
    if (!noBuild) {
      List<ImageRecipe> images = setup.recipes.select(ids);
      setup.build(images, false, System.err, System.err);
    }
    LanguageCatalog catalog = setup.imageCatalog();
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean allPassed = true;
    if (!json) {
      header();
    }
    try (SandboxEngine engine = SandboxEngine.start(config.sandbox().engineSettings())) {
      for (String id : ids) {
        Language language = catalog.find(id).orElseThrow();
        Optional<String> missing = catalog.missing(language);
        if (missing.isPresent()) {
          allPassed = false;
          if (json) {
            rows.add(Map.of("language", id, "missing", missing.get()));
          } else {
            System.out.printf("%-12s MISSING: %s%n", id, missing.get());
          }
          continue;
        }
        LanguageTests.Report report =
            LanguageTests.run(engine, language, setup.recipesDir.resolve("tests").resolve(id), 0);
        allPassed &= report.passed();
        if (json) {
          rows.add(json(report));
        } else {
          row(report);
        }
      }
    }
    if (json) {
      JsonOutput.print(rows);
    }
    return allPassed ? 0 : 1;
  }

  private static void header() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-12s %-32s %10s %8s", "language", "version", "image", "hello"));
    for (LanguageTests.Case c : LanguageTests.Case.values()) {
      sb.append(String.format(" %-" + CELL + "s", c.file + "=" + c.expected));
    }
    System.out.println(sb.toString().stripTrailing());
  }

  private static void row(LanguageTests.Report report) {
    Language language = report.language();
    String version = version(language);
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-12s %-32s %10s %6.0fms",
            language.id(),
            version.length() > 32 ? version.substring(0, 29) + "..." : version,
            language.rootfs().map(i -> Units.humanBytes(i.info().sizeBytes())).orElse("host"),
            report.of(LanguageTests.Case.HELLO).wall().toNanos() / 1e6));
    for (LanguageTests.Outcome o : report.outcomes()) {
      String cell = !o.present() ? "-" : o.passed() ? "ok" : "GOT " + o.got();
      sb.append(String.format(" %-" + CELL + "s", cell));
    }
    System.out.println(sb.toString().stripTrailing());
    for (LanguageTests.Outcome o : report.outcomes()) {
      if (!o.passed()) {
        System.out.println("    " + o.test().file + ": " + o.detail());
      }
    }
  }

  private static String version(Language language) {
    return language
        .rootfs()
        .map(i -> i.info().versions().getOrDefault(language.id(), "?"))
        .orElse("?");
  }

  private static Map<String, Object> json(LanguageTests.Report report) {
    Map<String, Object> m = new LinkedHashMap<>();
    Language language = report.language();
    m.put("language", language.id());
    m.put("version", version(language));
    m.put("image", language.rootfs().map(i -> i.name()).orElse(null));
    m.put("digest", language.rootfs().map(i -> i.digest()).orElse(null));
    m.put("sizeBytes", language.rootfs().map(i -> i.info().sizeBytes()).orElse(null));
    m.put("helloWallMs", Units.millis(report.of(LanguageTests.Case.HELLO).wall()));
    Map<String, Object> cases = new LinkedHashMap<>();
    for (LanguageTests.Outcome o : report.outcomes()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("expected", o.test().expected);
      c.put("got", o.present() ? o.got() : null);
      c.put("ok", o.passed());
      cases.put(o.test().file, c);
    }
    m.put("tests", cases);
    m.put("passed", report.passed());
    return m;
  }
}
