package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramBuilderTest {
  private static final LanguageCatalog CATALOG = LanguageCatalog.builtIn();

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void sourcesExpandsToEveryFileInPlaceAsAPathAndOtherElementsStay() {
    assertEquals(
        List.of("g++", "-o", "main", "./main.cpp", "./add.cpp", "-lm"),
        ProgramBuilder.withSources(
            List.of("g++", "-o", "main", "{sources}", "-lm"), List.of("main.cpp", "add.cpp")));
    assertEquals(
        List.of("python3", "{source}"),
        ProgramBuilder.withSources(List.of("python3", "{source}"), List.of("main.py", "x.py")));
  }

  @Test
  void languagesKnowTheirSourceFilesByExtension() {
    Language cpp = CATALOG.find("cpp").orElseThrow();
    assertTrue(cpp.isSourceFile("add.cpp"));
    assertTrue(cpp.isSourceFile("ADD.CC"));
    assertFalse(cpp.isSourceFile("add.hpp"), "headers are included, not compiled");
    assertFalse(cpp.isSourceFile("Makefile"));
    assertFalse(cpp.isSourceFile("add."));
  }

  @Test
  void theMainFileNameComesFromTheLanguageAndMayNotBeTakenTwice() {
    Language java = CATALOG.find("java").orElseThrow();
    byte[] main = text("public class Solver { public static void main(String[] a) {} }\n");
    SourceBundle alone = SourceBundle.of(main);
    ProgramBuilder.SourceLayout layout = ProgramBuilder.layout(java, alone);

    assertEquals(new ProgramBuilder.SourceLayout("Solver", "Solver.java"), layout);
    assertTrue(
        ProgramBuilder.unbuildable(java, new SourceBundle(main, Map.of("Util.java", main)), layout)
            .isEmpty());
    String clash =
        ProgramBuilder.unbuildable(
                java, new SourceBundle(main, Map.of("Solver.java", main)), layout)
            .orElseThrow();
    assertTrue(clash.contains("Solver.java"), clash);
  }

  @Test
  void aMainClassThatCannotNameAFileIsACompileErrorNotACrash() {
    Language java = CATALOG.find("java").orElseThrow();
    for (String name : List.of("C".repeat(300), "Ünïcode", "Main$Inner")) {
      SourceBundle source = SourceBundle.of(text("public class " + name + " {}\n"));
      ProgramBuilder.SourceLayout layout = ProgramBuilder.layout(java, source);
      assertEquals(name, layout.mainName());
      String problem = ProgramBuilder.unbuildable(java, source, layout).orElseThrow();
      assertTrue(problem.startsWith("the main name '"), problem);
    }
    SourceBundle longest =
        SourceBundle.of(text("public class " + "C".repeat(ProgramBuilder.MAX_MAIN_NAME) + "{}"));
    assertTrue(
        ProgramBuilder.unbuildable(java, longest, ProgramBuilder.layout(java, longest)).isEmpty());
  }

  @Test
  void aFileNameOutsideTheRuleNeverReachesTheJudge() {
    for (String name : List.of("@opts.c", "-o.c", ".hidden.c", "a/b.c", "..", "x y.c")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> new SourceBundle(text("int main(){}"), Map.of(name, text(""))),
              name);
      assertTrue(e.getMessage().contains("not a plain file name"), e.getMessage());
    }
  }

  @Test
  void theCodeSizeIsEveryFileTogether() {
    assertEquals(
        10,
        new SourceBundle(new byte[4], Map.of("a.h", new byte[5], "b.h", new byte[1])).totalBytes());
  }
}
