package dev.judgefleet.worker.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorsYamlTest {
  @TempDir Path tmp;

  private PackageDir pkg(String yaml) {
    return new PackageDir(tmp, "gen")
        .file("problem.yaml", "problem_format_version: 2025-09\nname: G\n")
        .file("generators/gen.py", "print(1)\n")
        .file("generators/lib.py", "x = 1\n")
        .file("submissions/accepted/sol.py", "print(input())\n")
        .file("generators/generators.yaml", yaml);
  }

  @Test
  void casesGroupsNumberingCountsAndSeeds() {
    GenerationPlan plan =
        GenerationPlan.read(
            pkg("""
                solution: /submissions/accepted/sol.py
                generators:
                  tree: [gen.py, lib.py]
                test_group.yaml:
                  output_validator_args: [case_sensitive]
                data:
                  sample:
                    data:
                      - "": {in: "1 2", ans: "3"}
                      - small: gen.py 5 {seed}
                  secret:
                    include: [sample]
                    data:
                      big:
                        generate: tree {seed:2} {count}
                        count: 2
                      range:
                        generate: gen.py {count}
                        count: -1..=1
                      hard:
                        test_group.yaml: {max_score: 10}
                        data:
                          one:
                            in: "9"
                            yaml: {description: a nine}
                """)
                .root);

    assertEquals(Optional.of("submissions/accepted/sol.py"), plan.solution());
    assertEquals(Map.of("tree", List.of("gen.py", "lib.py")), plan.generators());
    assertEquals(
        List.of(
            "sample/1",
            "sample/2-small",
            "secret/big-1",
            "secret/big-2",
            "secret/range--1",
            "secret/range-00",
            "secret/range-01",
            "secret/hard/one"),
        plan.cases().stream().map(GenerationPlan.Case::name).toList());
    GenerationPlan.Case first = plan.cases().get(0);
    assertEquals(Map.of("in", "1 2", "ans", "3"), first.literals());
    // The seeds BAPCtools gives these commands (its hash_string of salt, count and command).
    assertEquals(
        new GenerationPlan.Call("gen.py", List.of("5", "1561539053"), "gen.py 5 {seed}"),
        plan.cases().get(1).generate().orElseThrow());
    assertEquals(List.of("556759860", "1"), plan.cases().get(2).generate().orElseThrow().args());
    assertEquals(List.of("591943442", "2"), plan.cases().get(3).generate().orElseThrow().args());
    assertEquals(List.of("-1"), plan.cases().get(4).generate().orElseThrow().args());
    assertEquals("description: a nine\n", plan.cases().get(7).literals().get("yaml"));
    assertEquals(
        Map.of(
            "test_group.yaml", "output_validator_args:\n- case_sensitive\n",
            "secret/hard/test_group.yaml", "max_score: 10\n"),
        plan.files());
    assertEquals(List.of(new GenerationPlan.Include("secret", "sample")), plan.includes());
  }

  @Test
  void theSeedHashesTheCommandAsWrittenNameIncluded() {
    assertEquals(1540249499, GeneratorsYaml.seed("salt", 1, " gen.py {name} 1000 {seed} "));
  }

  @Test
  void constantsAreReplacedInCommandsBeforeCountAndSeed() {
    PackageDir dir =
        pkg("""
            data:
              secret:
                data:
                  big: gen.py {{n.value}} {seed}
                  many:
                    generate: gen.py {{n}} {{unknown}} {count}
                    count: [2, 10]
            """)
            .file(
                "problem.yaml",
                "problem_format_version: 2025-09\nname: G\nconstants:\n  n: 1000\n");

    GenerationPlan plan = GenerationPlan.read(dir.root);

    assertEquals(Map.of("n", Map.of("value", "1000")), plan.constants().values());
    GenerationPlan.Call big = plan.cases().get(0).generate().orElseThrow();
    assertEquals("gen.py 1000 {seed}", big.command());
    assertEquals(
        List.of("1000", Long.toString(GeneratorsYaml.seed("", 1, "gen.py 1000 {seed}"))),
        big.args());
    // Not consecutive: no padding.
    assertEquals(
        List.of("secret/big", "secret/many-2", "secret/many-10"),
        plan.cases().stream().map(GenerationPlan.Case::name).toList());
    assertEquals(
        List.of("1000", "{{unknown}}", "10"), plan.cases().get(2).generate().orElseThrow().args());
  }

  @Test
  void aCaseWithoutInputIsReportedAndAMissingSolutionIsAnError() {
    GenerationPlan plan =
        GenerationPlan.read(pkg("data:\n  secret:\n    data:\n      a: {ans: '1'}\n").root);
    assertEquals(
        List.of("data/secret/a: a test case needs generate:, copy: or in:"), plan.warnings());
    ProblemException noSolution =
        assertThrows(
            ProblemException.class,
            () -> GenerationPlan.read(pkg("solution: /submissions/nope.py\ndata: {}\n").root));
    assertTrue(
        noSolution
            .getMessage()
            .endsWith("solution: /submissions/nope.py does not exist in the package"),
        noSolution.getMessage());
  }
}
