package dev.judgefleet.worker.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.worker.rootfs.ImageRecipe;
import dev.judgefleet.worker.rootfs.ImageRecipes;
import dev.judgefleet.worker.sandbox.HeapLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The recipes of rootfs-images/: what every language must have, and how images group them. */
class RecipesTest {
  private static final Path RECIPES = LanguageCatalog.recipesDirectory(Optional.empty());
  private static final LanguageCatalog CATALOG = LanguageCatalog.builtIn();

  @Test
  void atLeastTheLanguagesContestsExpect() {
    Set<String> ids = CATALOG.all().stream().map(Language::id).collect(Collectors.toSet());
    for (String id :
        List.of(
            "c",
            "cpp",
            "python3",
            "pypy3",
            "java",
            "kotlin",
            "scala",
            "go",
            "rust",
            "javascript",
            "typescript",
            "csharp",
            "haskell",
            "ocaml",
            "ruby",
            "php",
            "perl",
            "lua",
            "pascal",
            "fortran",
            "d",
            "bash",
            "commonlisp",
            "prolog",
            "erlang",
            "elixir",
            "scheme",
            "r")) {
      assertTrue(ids.contains(id), id);
    }
    assertTrue(ids.size() >= 24);
  }

  @Test
  void everyLanguageHasItsOwnTestProgramsAndAVersionCommand() throws IOException {
    for (Language l : CATALOG.all()) {
      Path dir = RECIPES.resolve("tests").resolve(l.id());
      List<String> names;
      try (Stream<Path> files = Files.list(dir)) {
        names = files.map(f -> f.getFileName().toString()).sorted().toList();
      }
      for (String test :
          List.of(
              "hello", "aplusb", "compile_error", "runtime_error", "infinite_loop", "memory_hog")) {
        Optional<String> file = names.stream().filter(n -> n.startsWith(test + ".")).findFirst();
        assertTrue(file.isPresent(), l.id() + " lacks " + test);
        assertTrue(l.isSourceFile(file.get()), l.id() + ": " + file.get() + " is not its source");
      }
      assertTrue(l.compiled(), l.id() + " has no compile or syntax check: CE needs one");
      assertTrue(!l.version().isEmpty(), l.id() + " has no version command");
      assertTrue(l.version().get(0).startsWith("/"), l.id() + ": version command is not absolute");
    }
  }

  @Test
  void aFileExtensionPicksTheUsualLanguage() {
    assertEquals("python3", CATALOG.forFile("a.py").orElseThrow().id());
    assertEquals("cpp", CATALOG.forFile("a.cc").orElseThrow().id());
    assertEquals("typescript", CATALOG.forFile("a.ts").orElseThrow().id());
    assertEquals("prolog", CATALOG.forFile("a.pro").orElseThrow().id());
    assertEquals("perl", CATALOG.forFile("a.pl").orElseThrow().id());
  }

  @Test
  void compilersRunNoSubmittedCode() {
    // Isolated mode: the submission's directory is not on sys.path (no submitted argparse.py).
    for (String python : List.of("python3", "pypy3")) {
      List<String> compile = CATALOG.find(python).orElseThrow().compile();
      assertEquals(List.of("-I", "-m", "py_compile"), compile.subList(1, 4), python);
    }
    // No annotation processors from the class path.
    assertTrue(CATALOG.find("java").orElseThrow().compile().contains("-proc:none"));
  }

  @Test
  void managedRuntimesKnowTheirHeapLimit() {
    for (String id : List.of("java", "kotlin", "scala")) {
      Language l = CATALOG.find(id).orElseThrow();
      assertTrue(l.run().contains("-Xmx{memoryMiB}m"), id);
      assertTrue(
          new HeapLimit(1, l.outOfMemory())
              .reportedIn("Terminating due to java.lang.OutOfMemoryError: Java heap space"),
          id);
    }
    assertTrue(CATALOG.find("go").orElseThrow().run().contains("GOMEMLIMIT={memoryMiB}MiB"));
    assertTrue(
        CATALOG
            .find("csharp")
            .orElseThrow()
            .run()
            .contains("MONO_GC_PARAMS=max-heap-size={memoryMiB}m"));
  }

  @Test
  void languagesShareImagesByFamilyOnTopOfTheBase() {
    ImageRecipes recipes = ImageRecipes.read(RECIPES);
    assertEquals(List.of("c", "cpp"), recipes.images().get("gcc").languages());
    assertEquals(List.of("java", "kotlin", "scala"), recipes.images().get("jvm").languages());
    ImageRecipe jvm = recipes.images().get("jvm");
    assertEquals(
        List.of(
            "maven:org.jetbrains.kotlin:kotlin-compiler:2.2.21:/opt/kotlin/lib",
            "maven:org.scala-lang:scala3-compiler_3:3.3.7:/opt/scala/lib"),
        jvm.fetches());
    assertEquals(List.of("openjdk-21-jdk-headless"), jvm.packages());
    for (ImageRecipe image : recipes.images().values()) {
      assertEquals(
          recipes.basePackages(), image.packages().subList(0, recipes.basePackages().size()));
      assertEquals("trixie", image.suite());
    }
    assertEquals(
        List.of("gcc", "python3"),
        recipes.select(List.of("cpp", "python3", "c")).stream().map(ImageRecipe::name).toList());
    assertEquals("base", recipes.base("trixie").name());
  }
}
