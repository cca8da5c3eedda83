package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import dev.judgefleet.worker.sandbox.IntegrationEngine;
import dev.judgefleet.worker.sandbox.Leftovers;
import dev.judgefleet.worker.sandbox.SandboxEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every language this node has proven by its own programs ({@code rootfs-images/tests/<lang>/}):
 * hello, a+b, a compile error (CE with the compiler's message), a runtime error (RE), an infinite
 * loop (TLE), a memory hog (MLE), threads. With {@code -Djudge.it.rootfs=STORE} each runs in its
 * image; without, the host's toolchains.
 */
class LanguageTestsIT {
  private static final Path TESTS =
      LanguageCatalog.recipesDirectory(Optional.empty()).resolve("tests");
  private static final LanguageCatalog CATALOG = IntegrationEngine.catalog();
  private static SandboxEngine engine;

  @BeforeAll
  static void start() {
    engine = IntegrationEngine.start();
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  @AfterEach
  void nothingLeftBehind() throws IOException, InterruptedException {
    Leftovers.assertNone(engine);
  }

  static Stream<String> languages() {
    return CATALOG.all().stream().map(Language::id);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("languages")
  void passesItsOwnTests(String id) {
    Language language = CATALOG.find(id).orElseThrow();
    assumeTrue(CATALOG.available(language), () -> id + ": " + CATALOG.missing(language).get());
    LanguageTests.Report report = LanguageTests.run(engine, language, TESTS.resolve(id), 5);
    for (LanguageTests.Outcome o : report.outcomes()) {
      assertTrue(
          o.passed(),
          () ->
              id
                  + " "
                  + o.test().file
                  + ": expected "
                  + o.test().expected
                  + ", got "
                  + o.got()
                  + " ("
                  + o.detail()
                  + ")");
    }
  }
}
