package dev.judgefleet.worker.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageFileTest {
  @TempDir Path dir;

  private LanguageCatalog apply(String yaml) throws IOException {
    return LanguageFile.apply(
        LanguageCatalog.builtIn(), Files.writeString(dir.resolve("l.yaml"), yaml));
  }

  @Test
  void overridesOnlyTheFieldsGiven() throws IOException {
    LanguageCatalog catalog =
        apply(
            "languages:\n  - id: cpp\n    compile: [/usr/bin/g++, -O1, -o, main, \"{source}\"]\n"
                + "    time_factor: 1.5\n");
    Language cpp = catalog.find("cpp").orElseThrow();
    assertEquals(List.of("/usr/bin/g++", "-O1", "-o", "main", "{source}"), cpp.compile());
    assertEquals(1.5, cpp.timeFactor());
    assertEquals("main.cpp", cpp.sourceFile());
  }

  @Test
  void addsAndRemovesLanguages() throws IOException {
    LanguageCatalog catalog =
        apply(
            """
            languages:
              - id: kotlin
                name: Kotlin
                extensions: [kt]
                source_file: main.kt
                compile: [/opt/kotlinc/bin/kotlinc, -d, ., "{source}"]
                run: [/usr/bin/java, -cp, /box, "{main}"]
                entry_point: kotlin_main_kt
                extra_memory_mib: 128
                binds: [/opt/kotlinc]
              - id: python3
                enabled: false
            """);
    Language kotlin = catalog.find("kotlin").orElseThrow();
    assertEquals(EntryPoint.KOTLIN_MAIN_KT, kotlin.entryPoint());
    assertEquals(128L << 20, kotlin.extraMemoryBytes());
    assertEquals("/opt/kotlinc", kotlin.binds().get(0).target());
    assertFalse(catalog.find("python3").isPresent());
    assertTrue(catalog.forFile("x.kt").isPresent());
  }

  @Test
  void aNewLanguageGetsTheDefaultsAndAnOverrideKeepsWhatItLeavesOut() throws IOException {
    LanguageCatalog catalog =
        apply(
            """
            languages:
              - id: tcl
                name: Tcl
                extensions: [tcl]
                source_file: main.tcl
                run: [/usr/bin/tclsh, "{source}"]
              - id: java
                time_factor: 2
            """);
    Language tcl = catalog.find("tcl").orElseThrow();
    assertEquals(List.of(), tcl.compile());
    assertEquals(1.0, tcl.timeFactor());
    assertEquals(0, tcl.extraMemoryBytes());
    assertEquals("default", tcl.seccompProfile());
    assertEquals(16, tcl.processes());
    assertEquals(List.of(), tcl.binds());
    assertEquals(List.of(), tcl.env());
    assertEquals(List.of(), tcl.version());
    assertEquals(EntryPoint.FIXED, tcl.entryPoint());
    assertEquals("main", tcl.defaultMain());
    Language builtIn = LanguageCatalog.builtIn().find("java").orElseThrow();
    Language java = catalog.find("java").orElseThrow();
    assertEquals(2.0, java.timeFactor());
    assertEquals(builtIn.extraMemoryBytes(), java.extraMemoryBytes());
    assertEquals(
        new Language(
            builtIn.id(),
            builtIn.name(),
            builtIn.extensions(),
            builtIn.sourceFile(),
            builtIn.compile(),
            builtIn.run(),
            2.0,
            builtIn.extraMemoryBytes(),
            builtIn.seccompProfile(),
            builtIn.processes(),
            builtIn.stackBytes(),
            builtIn.binds(),
            builtIn.env(),
            builtIn.version(),
            builtIn.entryPoint(),
            builtIn.defaultMain(),
            builtIn.image(),
            builtIn.outOfMemory(),
            builtIn.byExtension(),
            builtIn.rootfs()),
        java);
  }

  @Test
  void refusesWhatItCannotUseWithTheFileInTheMessage() {
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> apply("languages:\n  - id: c\n    compiler: [x]\n"));
    assertTrue(unknown.getMessage().contains("unknown key 'compiler'"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> apply("languages:\n  - id: cobol\n"));
    assertThrows(IllegalArgumentException.class, () -> apply("languages: [\n"));
    assertThrows(
        IllegalArgumentException.class,
        () -> apply("languages:\n  - id: c\n    time_factor: fast\n"));
  }
}
