package dev.judgefleet.worker.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.model.InlineTest;
import dev.judgefleet.model.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadFileTest {
  @TempDir Path dir;

  private Workload parse(String yaml) throws Exception {
    return WorkloadFile.parse("w.yaml", yaml.getBytes(StandardCharsets.UTF_8), dir);
  }

  private String error(String yaml) {
    return assertThrows(WorkloadFile.WorkloadException.class, () -> parse(yaml)).getMessage();
  }

  @Test
  void readsSourcesRelativeToTheFileInlineCodeTestsAndWeights() throws Exception {
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/a.c"), "int main(){return 0;}");
    Workload w =
        parse(
            """
            items:
              - problem: aplusb
                language: c
                source: src/a.c
                expect: AC
                weight: 2.5
              - name: inline
                problem: aplusb
                language: python3
                code: |
                  print(5)
                tests:
                  - {name: t, input: "2 3\\n", answer: "5\\n"}
                  - {input: "1 1\\n"}
                expect: WA
            """);
    assertEquals(2, w.items().size());
    WorkloadItem a = w.items().get(0);
    assertEquals("a.c", a.name());
    assertEquals("int main(){return 0;}", a.source());
    assertEquals(Verdict.AC, a.expected());
    assertEquals(2.5, a.weight());
    assertEquals(List.of(), a.tests());
    WorkloadItem b = w.items().get(1);
    assertEquals("print(5)\n", b.source());
    assertEquals(1.0, b.weight());
    assertEquals(Verdict.WA, b.expected());
    assertEquals(
        List.of(new InlineTest("t", "2 3\n", "5\n"), new InlineTest("t2", "1 1\n", null)),
        b.tests());
  }

  @Test
  void namesTheItemAndTheKeyOfEveryMistake() {
    String item = "items:\n  - {problem: p, language: c, code: x, expect: AC";
    assertEquals(
        "w.yaml: items[0].expect: unknown verdict OK (one of [AC, WA, PE, TLE, MLE, OLE, RE, CE,"
            + " SV, IE])",
        error("items:\n  - {problem: p, language: c, code: x, expect: OK}"));
    assertEquals(
        "w.yaml: items[0]: language is missing",
        error("items:\n  - {problem: p, code: x, expect: AC}"));
    assertEquals(
        "w.yaml: items[0]: give exactly one of source (a file) and code (inline)",
        error("items:\n  - {problem: p, language: c, expect: AC}"));
    assertTrue(
        error("items:\n  - {problem: p, language: c, source: nope.c, expect: AC}")
            .startsWith("w.yaml: items[0].source: no such file "));
    assertEquals(
        "w.yaml: items[0].weight: expected a positive number, not 0", error(item + ", weight: 0}"));
    assertEquals(
        "w.yaml: items[0].weight: expected a positive number, not lots",
        error(item + ", weight: lots}"));
    assertTrue(error(item + ", wieght: 1}").startsWith("w.yaml: items[0]: unknown key wieght"));
    assertEquals("w.yaml: items[0].tests: expected a non-empty list", error(item + ", tests: []}"));
    assertEquals(
        "w.yaml: items[0].tests[0]: input is missing", error(item + ", tests: [{answer: x}]}"));
    assertEquals(
        "w.yaml: two items are named x",
        error(
            "items:\n  - {name: x, problem: p, language: c, code: a, expect: AC}\n"
                + "  - {name: x, problem: p, language: c, code: b, expect: AC}"));
    assertEquals("w.yaml: expected a mapping with a list under items", error("- a\n- b"));
    assertEquals("w.yaml: expected a mapping with a list under items", error(""));
    assertTrue(error("items: [").startsWith("w.yaml: not YAML: "));
  }

  @Test
  void theExampleWorkloadsParseAndCoverEveryKindTheIssueNames() throws IOException, Exception {
    Path examples = Path.of("..", "examples", "load");
    Workload mix = WorkloadFile.read(examples.resolve("contest-mix.yaml"));
    Set<Verdict> expected =
        mix.items().stream().map(WorkloadItem::expected).collect(Collectors.toSet());
    assertEquals(
        EnumSet.of(
            Verdict.AC, Verdict.WA, Verdict.TLE, Verdict.CE, Verdict.MLE, Verdict.RE, Verdict.OLE),
        EnumSet.copyOf(expected));
    assertTrue(mix.items().stream().anyMatch(i -> i.problemId().equals("guess")), "interactive");
    assertTrue(mix.items().stream().anyMatch(i -> !i.tests().isEmpty()), "inline tests");
    WorkloadFile.read(examples.resolve("smoke.yaml"));
  }
}
