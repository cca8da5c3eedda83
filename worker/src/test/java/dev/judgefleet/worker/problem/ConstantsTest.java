package dev.judgefleet.worker.problem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstantsTest {
  @TempDir Path tmp;

  private static final Constants K =
      new Constants(
          Map.of(
              "k", Map.of("value", "5000000", "tex", "5,000,000"),
              "eps", Map.of("value", "1e-6")));

  @Test
  void sequencesBecomeValuesAndVariants() {
    assertEquals(
        "n <= 5000000 (5,000,000), 1e-6", K.apply("n <= {{k}} ({{k.tex}}), {{eps.value}}"));
  }

  @Test
  void sequencesNamingNoConstantOrVariantStayAsWritten() {
    String text = "{{nope}} {{k.nope}} {k} {{ k }} {{k.}} {{1k}} $${{k";
    assertSame(text, K.apply(text));
    assertEquals("{{nope}}5000000", K.apply("{{nope}}{{k}}"));
  }

  @Test
  void aValueIsNeverReadAsAReplacementPattern() {
    Constants dollars = new Constants(Map.of("d", Map.of("value", "$1 \\n")));
    assertEquals("cost $1 \\n", dollars.apply("cost {{d}}"));
  }

  @Test
  void bytesThatAreNotUtf8PassThroughAndValuesGoInAsUtf8() {
    Constants unicode = new Constants(Map.of("k", Map.of("value", "5\u2009000")));
    byte[] in = {(byte) 0xff, '{', '{', 'k', '}', '}', (byte) 0xfe};
    byte[] expected = {(byte) 0xff, '5', (byte) 0xe2, (byte) 0x80, (byte) 0x89, '0', '0', '0', -2};
    assertArrayEquals(expected, unicode.apply(in));
    byte[] untouched = "no sequence here".getBytes(StandardCharsets.UTF_8);
    assertSame(untouched, unicode.apply(untouched));
  }

  @Test
  void everyConstantHasAValueAndAName() {
    assertThrows(IllegalArgumentException.class, () -> new Constants(Map.of("k", Map.of())));
    assertThrows(
        IllegalArgumentException.class, () -> new Constants(Map.of("1k", Map.of("value", "1"))));
  }

  @Test
  void problemYamlDeclaresThemAndTestGroupYamlUsesThem() {
    ProblemPackage p =
        new PackageDir(tmp, "c")
            .file(
                "problem.yaml",
                """
                problem_format_version: 2025-09
                name: C
                constants:
                  eps: 1e-6
                  big: 1.50e+9
                  word: ten
                  n:
                    value: 10
                    tex: "10^{1}"
                """)
            .file(
                "data/secret/test_group.yaml",
                "output_validator_args: [float_tolerance, '{{eps}}', '{{n.tex}}', '{{big}}']\n")
            .test("data/secret/1")
            .file("data/secret/1.yaml", "args: ['{{n}}']\n")
            .file("submissions/accepted/a.py", "pass\n")
            .load();

    assertEquals(
        Map.of(
            "eps", Map.of("value", "1e-6"),
            "big", Map.of("value", "1.50e+9"),
            "word", Map.of("value", "ten"),
            "n", Map.of("value", "10", "tex", "10^{1}")),
        p.constants().values());
    // Numbers as written; and not in test data (a test case's .yaml is test data).
    assertEquals(
        List.of("float_tolerance", "1e-6", "10^{1}", "1.50e+9"),
        p.secret().tests().get(0).validatorArgs());
    assertEquals(List.of("{{n}}"), p.secret().tests().get(0).args());
    assertEquals(List.of(), p.warnings());
  }

  @Test
  void constantsTheFormatDoesNotAllowAreLeftOutWithAWarning() {
    ProblemPackage p =
        new PackageDir(tmp, "bad")
            .file(
                "problem.yaml",
                """
                problem_format_version: 2025-09
                name: B
                constants:
                  1x: 3
                  flag: true
                  list: [1, 2]
                  novalue: {tex: "3"}
                  ok:
                    value: 1000
                    tex: 10^4
                    sci: 1 \\cdot 10^{3}
                    9bad: x
                    nested: {a: 1}
                """)
            .test("data/secret/1")
            .file("submissions/accepted/a.py", "pass\n")
            .load();

    assertEquals(
        Map.of("ok", Map.of("value", "1000", "tex", "10^4", "sci", "1 \\cdot 10^{3}")),
        p.constants().values());
    assertEquals(
        List.of(
            "problem.yaml: constants.1x: not a constant's name ([a-zA-Z_][a-zA-Z0-9_]*), left out",
            "problem.yaml: constants.flag: must be a number, a string, or a map with value; left"
                + " out",
            "problem.yaml: constants.list: must be a number, a string, or a map with value; left"
                + " out",
            "problem.yaml: constants.novalue.value: missing, or not a number or a string; the"
                + " constant is left out",
            "problem.yaml: constants.ok.tex: \"10^4\" looks like another number than value 1000",
            "problem.yaml: constants.ok.9bad: not a variant (a name with a number or a string),"
                + " left out",
            "problem.yaml: constants.ok.nested: not a variant (a name with a number or a string),"
                + " left out"),
        p.warnings());
  }

  @Test
  void aLegacyPackageHasNoConstants() {
    ProblemPackage p =
        new PackageDir(tmp, "legacy")
            .file("problem.yaml", "name: L\n")
            .file("data/secret/testdata.yaml", "output_validator_flags: '{{x}}'\n")
            .test("data/secret/1")
            .load();
    assertEquals(Constants.NONE, p.constants());
  }

  @Test
  void constantsThatAreNotAMapAreABrokenPackage() {
    PackageDir pkg =
        new PackageDir(tmp, "notmap")
            .file("problem.yaml", "problem_format_version: 2025-09\nname: B\nconstants: [1]\n")
            .test("data/secret/1");
    ProblemException e = assertThrows(ProblemException.class, pkg::load);
    assertEquals(
        "problem notmap: "
            + pkg.path("problem.yaml")
            + ": constants must be a map, got a sequence"
            + " [1]",
        e.getMessage());
  }

  @Test
  void theUsualSpellingsOfANumberAreRecognised() {
    for (String spelled :
        List.of(
            "5000000",
            "5e6",
            "5,000,000",
            "5\\,000\\,000",
            "5{,}000{,}000",
            "5'000'000",
            "5_000_000",
            "5\u2009000\u2009000",
            "$5 \\cdot 10^6$",
            "5 \\times 10^{6}",
            "5*10**6")) {
      assertEquals(
          Optional.of(0), ConstantsYaml.number(spelled).map(n -> n.compareTo(bd(5_000_000))));
    }
    assertEquals(Optional.of(0), ConstantsYaml.number("10^{-6}").map(n -> n.compareTo(bd(1e-6))));
    for (String notANumber : List.of("five", "1,5", "n", "10^{999999}x", "")) {
      assertEquals(Optional.empty(), ConstantsYaml.number(notANumber), notANumber);
    }
  }

  private static BigDecimal bd(double value) {
    return new BigDecimal(Double.toString(value));
  }
}
