package dev.judgefleet.worker.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The main-class search reads a contestant's text in the worker, outside any sandbox: it must find
 * what javac finds, and take linear time on anything (the regular expression it replaces spent 97 s
 * of CPU on 126 KiB of blank lines).
 */
class JavaTopLevelTypesTest {
  private static Optional<String> main(String source) {
    return JavaTopLevelTypes.mainClass(source);
  }

  @Test
  void thePublicTopLevelTypeWinsOverEarlierOnes() {
    String tripleQuote = "\"\"\"";
    String source =
        String.join(
            "\n",
            "package contest;",
            "import java.util.*;",
            "// public class InALineComment {}",
            "/* public class InABlockComment {} */",
            "class Helper { public class Nested {} }",
            "@SuppressWarnings(\"public class InAnAnnotation\")",
            "public final class Solution {",
            "  static String s = \"public class InAString {\";",
            "  static char c = '{';",
            "  static String block = " + tripleQuote,
            "      public class InATextBlock { \\" + tripleQuote + " }",
            "      " + tripleQuote + ";",
            "  public static void main(String[] a) {}",
            "}");
    assertEquals(Optional.of("Solution"), main(source));
  }

  @Test
  void withoutAPublicTypeTheFirstTopLevelOne() {
    assertEquals(Optional.of("A"), main("class A { class Inner {} }\nclass B {}"));
    assertEquals(Optional.of("R"), main("record R(int x) {}\nclass I {}"));
    assertEquals(Optional.empty(), main("/* class X */ int x;"));
    assertEquals(Optional.empty(), main(""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"class", "interface", "enum", "record", "@interface"})
  void everyKindOfTypeDeclaration(String kind) {
    assertEquals(Optional.of("T"), main("import x.y;\npublic " + kind + " T {}"));
  }

  @Test
  void unterminatedCommentsAndLiteralsEndTheSearchQuietly() {
    assertEquals(Optional.empty(), main("/* public class Never"));
    assertEquals(Optional.of("After"), main("String s = \"open\nclass After {}"));
    assertEquals(Optional.empty(), main("\"\"\" public class Never"));
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void adversarialMegabytesTakeLinearTime() {
    int size = 1 << 20;
    for (String unit :
        new String[] {"\n", " \n\t", "/*", "\"", "'", "public ", "class ", "{", "}", "//\n"}) {
      String source = unit.repeat(size / unit.length()) + "\npublic class Last {}";
      Optional<String> found = main(source);
      assertTrue(found.isEmpty() || found.get().length() < 64, unit + " -> " + found);
    }
    assertEquals(Optional.of("Last"), main("\n".repeat(size) + "public class Last {}"));
  }

  @Property(tries = 2000)
  void anyTextEndsWithoutAnErrorAndNamesOnlyAnIdentifierItContains(
      @ForAll("javaish") String source) {
    Optional<String> found = main(source);
    found.ifPresent(
        name -> {
          assertTrue(source.contains(name), name);
          assertTrue(Character.isJavaIdentifierStart(name.charAt(0)), name);
        });
  }

  @Property(tries = 500)
  void aPublicClassAfterAnyCommentsIsFound(
      @ForAll @StringLength(max = 200) String comment, @ForAll("identifiers") String name) {
    String safeComment = comment.replace("*/", "* /");
    assertEquals(
        Optional.of(name), main("/*" + safeComment + "*/\nclass Helper {}\npublic class " + name));
  }

  @Provide
  Arbitrary<String> javaish() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "public",
            "class",
            "record",
            "enum",
            "interface",
            "{",
            "}",
            ";",
            "/*",
            "*/",
            "//",
            "\n",
            "\"",
            "\"\"\"",
            "'",
            "\\",
            " ",
            "A",
            "Main",
            "x$1",
            "@",
            "é",
            "\t");
    return tokens.list().ofMaxSize(80).map(list -> String.join("", list));
  }

  @Provide
  Arbitrary<String> identifiers() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .ofMinLength(1)
        .ofMaxLength(20)
        .filter(s -> !s.equals("class") && !s.equals("record") && !s.equals("enum"))
        .filter(s -> !s.equals("interface") && !s.equals("public"))
        .map(s -> "X" + s);
  }
}
