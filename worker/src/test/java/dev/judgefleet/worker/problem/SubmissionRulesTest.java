package dev.judgefleet.worker.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.worker.problem.ReferenceSubmission.TimeLimitUse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionRulesTest {
  @TempDir Path tmp;
  private PackageDir pkg;

  @BeforeEach
  void scoringPackageWithGroups() {
    pkg =
        new PackageDir(tmp, "subs")
            .file("problem.yaml", "problem_format_version: 2025-09\nname: S\ntype: scoring\n")
            .file("data/secret/group1/test_group.yaml", "max_score: 30\n")
            .test("data/secret/group1/1")
            .file("data/secret/group2/test_group.yaml", "max_score: 70\n")
            .test("data/secret/group2/1");
  }

  private static Expectation rule(String source, Set<String> permitted, Set<String> required) {
    return new Expectation(
        source,
        "",
        permitted,
        required,
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static Expectation finalRule(String source, Set<String> verdicts) {
    return new Expectation(
        source,
        "",
        Set.of(),
        Set.of(),
        verdicts,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void defaultFoldersGiveTheSpecRulesAndOurs() {
    pkg.file("submissions/accepted/a.py", "pass\n")
        .file("submissions/rejected/r.py", "pass\n")
        .file("submissions/wrong_answer/wa.py", "pass\n")
        .file("submissions/time_limit_exceeded/tle.py", "pass\n")
        .file("submissions/run_time_error/rte.py", "pass\n")
        .file("submissions/brute_force/bf.py", "pass\n")
        .file("submissions/compile_error/ce.c", "x\n")
        .file("submissions/compiler_error/ce.c", "x\n")
        .file("submissions/memory_limit_exceeded/mle.cpp", "x\n")
        .file("submissions/output_limit_exceeded/ole.cpp", "x\n")
        .file("submissions/presentation_error/pe.cpp", "x\n");

    ProblemPackage p = pkg.load();

    assertEquals(
        List.of(
            "accepted/a.py",
            "brute_force/bf.py",
            "compile_error/ce.c",
            "compiler_error/ce.c",
            "memory_limit_exceeded/mle.cpp",
            "output_limit_exceeded/ole.cpp",
            "presentation_error/pe.cpp",
            "rejected/r.py",
            "run_time_error/rte.py",
            "time_limit_exceeded/tle.py",
            "wrong_answer/wa.py"),
        p.submissions().stream().map(ReferenceSubmission::name).toList());
    assertEquals(
        List.of(rule("folder accepted", Set.of("AC"), Set.of())),
        p.submission("accepted/a.py").orElseThrow().expectations());
    assertEquals(
        List.of(rule("folder rejected", Set.of(), Set.of("RTE", "TLE", "WA"))),
        p.submission("rejected/r.py").orElseThrow().expectations());
    assertEquals(
        List.of(rule("folder wrong_answer", Set.of("AC", "WA"), Set.of("WA"))),
        p.submission("wrong_answer/wa.py").orElseThrow().expectations());
    assertEquals(
        List.of(rule("folder time_limit_exceeded", Set.of("AC", "TLE"), Set.of("TLE"))),
        p.submission("time_limit_exceeded/tle.py").orElseThrow().expectations());
    assertEquals(
        List.of(rule("folder run_time_error", Set.of("AC", "RTE"), Set.of("RTE"))),
        p.submission("run_time_error/rte.py").orElseThrow().expectations());
    assertEquals(
        List.of(rule("folder brute_force", Set.of("AC", "RTE", "TLE"), Set.of("RTE", "TLE"))),
        p.submission("brute_force/bf.py").orElseThrow().expectations());
    assertEquals(
        List.of(finalRule("folder compile_error", Set.of("CE"))),
        p.submission("compile_error/ce.c").orElseThrow().expectations());
    assertEquals(
        List.of(finalRule("folder compiler_error", Set.of("CE"))),
        p.submission("compiler_error/ce.c").orElseThrow().expectations());
    assertEquals(
        List.of(rule("folder memory_limit_exceeded", Set.of("AC", "MLE"), Set.of("MLE"))),
        p.submission("memory_limit_exceeded/mle.cpp").orElseThrow().expectations());
    assertEquals(
        List.of(rule("folder output_limit_exceeded", Set.of("AC", "OLE"), Set.of("OLE"))),
        p.submission("output_limit_exceeded/ole.cpp").orElseThrow().expectations());
    assertEquals(
        List.of(rule("folder presentation_error", Set.of("AC", "PE"), Set.of("PE"))),
        p.submission("presentation_error/pe.cpp").orElseThrow().expectations());

    assertEquals(
        List.of(
            TimeLimitUse.LOWER,
            TimeLimitUse.NONE,
            TimeLimitUse.NONE,
            TimeLimitUse.NONE,
            TimeLimitUse.NONE,
            TimeLimitUse.NONE,
            TimeLimitUse.NONE,
            TimeLimitUse.NONE,
            TimeLimitUse.LOWER,
            TimeLimitUse.UPPER,
            TimeLimitUse.LOWER),
        p.submissions().stream().map(ReferenceSubmission::timeLimitUse).toList());
    assertEquals(List.of(), p.warnings());
  }

  @Test
  void submissionsYamlGlobsBracesGroupsAndFolderOverrides() {
    pkg.file("submissions/accepted/sol.py", "pass\n")
        .file("submissions/accepted/sol_dir/main.py", "pass\n")
        .file("submissions/accepted/sol_dir/util.py", "pass\n")
        .file("submissions/accepted/other.py", "pass\n")
        .file("submissions/time_limit_exceeded/slow.py", "pass\n")
        .file("submissions/time_limit_exceeded/solves_easy.py", "pass\n")
        .file("submissions/wrong_answer/wa.cpp", "x\n")
        .file("submissions/mixed/partial.py", "pass\n")
        .file(
            "submissions/submissions.yaml",
            """
            accepted/{sol.py,sol_dir}:
              language: python3
              score: 100
            time_limit_exceeded:
              permitted: [AC, WA, TLE]
            time_limit_exceeded/solves_easy.py:
              secret/group1:
                permitted: [AC]
              secret/{group2,group3}:
                required: [TLE]
                message: too slow
            mixed:
              permitted: [AC, WA]
              score: [0, 50]
              use_for_time_limit: false
              entrypoint: partial
            wrong_answer/wa.cpp:
              use_for_time_limit: upper
            """);

    ProblemPackage p = pkg.load();
    Path root = p.root();

    ReferenceSubmission sol = p.submission("accepted/sol.py").orElseThrow();
    Expectation score =
        new Expectation(
            "submissions.yaml \"accepted/{sol.py,sol_dir}\"",
            "",
            Set.of(),
            Set.of(),
            Set.of(),
            Optional.of(100.0),
            Optional.of(100.0),
            Optional.empty());
    assertEquals(
        new ReferenceSubmission(
            "accepted/sol.py",
            List.of(root.resolve("submissions/accepted/sol.py")),
            Optional.of("python3"),
            Optional.empty(),
            List.of(rule("folder accepted", Set.of("AC"), Set.of()), score),
            TimeLimitUse.LOWER),
        sol);
    ReferenceSubmission dir = p.submission("accepted/sol_dir").orElseThrow();
    assertEquals(
        List.of(
            root.resolve("submissions/accepted/sol_dir/main.py"),
            root.resolve("submissions/accepted/sol_dir/util.py")),
        dir.files());
    assertEquals(sol.expectations(), dir.expectations());
    assertEquals(
        List.of(rule("folder accepted", Set.of("AC"), Set.of())),
        p.submission("accepted/other.py").orElseThrow().expectations());

    Expectation tleOverride =
        rule("submissions.yaml \"time_limit_exceeded\"", Set.of("AC", "WA", "TLE"), Set.of("TLE"));
    ReferenceSubmission slow = p.submission("time_limit_exceeded/slow.py").orElseThrow();
    assertEquals(List.of(tleOverride), slow.expectations());
    assertEquals(TimeLimitUse.UPPER, slow.timeLimitUse());

    ReferenceSubmission easy = p.submission("time_limit_exceeded/solves_easy.py").orElseThrow();
    String source = "submissions.yaml \"time_limit_exceeded/solves_easy.py\"";
    assertEquals(
        List.of(
            tleOverride,
            new Expectation(
                source,
                "secret/group1",
                Set.of("AC"),
                Set.of(),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            new Expectation(
                source,
                "secret/{group2,group3}",
                Set.of(),
                Set.of("TLE"),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("too slow"))),
        easy.expectations());
    assertEquals(TimeLimitUse.UPPER, easy.timeLimitUse());
    Expectation group2Rule = easy.expectations().get(2);
    assertTrue(group2Rule.appliesTo("secret/group2/1"));
    assertTrue(group2Rule.appliesTo("secret/group2"));
    assertFalse(group2Rule.appliesTo("secret/group1/1"));
    assertFalse(group2Rule.appliesTo("sample/1"));

    ReferenceSubmission partial = p.submission("mixed/partial.py").orElseThrow();
    assertEquals(
        List.of(
            new Expectation(
                "submissions.yaml \"mixed\"",
                "",
                Set.of("AC", "WA"),
                Set.of(),
                Set.of(),
                Optional.of(0.0),
                Optional.of(50.0),
                Optional.empty())),
        partial.expectations());
    assertEquals(Optional.of("partial"), partial.entrypoint());
    assertEquals(TimeLimitUse.NONE, partial.timeLimitUse());

    ReferenceSubmission wa = p.submission("wrong_answer/wa.cpp").orElseThrow();
    assertEquals(
        List.of(rule("folder wrong_answer", Set.of("AC", "WA"), Set.of("WA"))), wa.expectations());
    assertEquals(TimeLimitUse.UPPER, wa.timeLimitUse());

    assertEquals(List.of(), p.warnings());
  }

  @Test
  void expectedResultsTagReplacesTheFolderRule() {
    pkg.file(
            "submissions/accepted/tagged.c",
            "#include <stdio.h>\n/* @expected_results@: CORRECT, TIMELIMIT */\nint main(){}\n")
        .file("submissions/wrong_answer/dir/a.py", "# nothing here\n")
        .file("submissions/wrong_answer/dir/b.py", "# @EXPECTED_RESULTS@: WRONG_ANSWER,NO_OUTPUT\n")
        .file("submissions/time_limit_exceeded/t.java", "// @EXPECTED_RESULTS@: TIMELIMIT\n")
        .file(
            "submissions/other/o.cpp",
            "// @EXPECTED_RESULTS@: RUN_ERROR MEMORY_LIMIT OUTPUT_LIMIT COMPILER_ERROR\n")
        .file(
            "submissions/submissions.yaml",
            "accepted:\n  language: c\naccepted/tagged.c:\n  message: hi\n");

    ProblemPackage p = pkg.load();

    ReferenceSubmission tagged = p.submission("accepted/tagged.c").orElseThrow();
    assertEquals(
        List.of(
            finalRule("@EXPECTED_RESULTS@ in tagged.c", Set.of("AC", "TLE")),
            new Expectation(
                "submissions.yaml \"accepted/tagged.c\"",
                "",
                Set.of(),
                Set.of(),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("hi"))),
        tagged.expectations());
    assertEquals(Optional.of("c"), tagged.language());
    assertEquals(TimeLimitUse.NONE, tagged.timeLimitUse());

    ReferenceSubmission dir = p.submission("wrong_answer/dir").orElseThrow();
    assertEquals(
        List.of(finalRule("@EXPECTED_RESULTS@ in b.py", Set.of("WA"))), dir.expectations());
    assertEquals(TimeLimitUse.NONE, dir.timeLimitUse());

    ReferenceSubmission tle = p.submission("time_limit_exceeded/t.java").orElseThrow();
    assertEquals(TimeLimitUse.UPPER, tle.timeLimitUse());

    assertEquals(
        List.of(finalRule("@EXPECTED_RESULTS@ in o.cpp", Set.of("RTE", "MLE", "OLE", "CE"))),
        p.submission("other/o.cpp").orElseThrow().expectations());
    assertEquals(
        List.of(
            "submissions/other/: unknown folder without a submissions.yaml entry,"
                + " its submissions have no expectations"),
        p.warnings());
  }

  @Test
  void domjudgesHyphenatedResultNamesCount() {
    pkg.file("submissions/accepted/a.py", "pass\n")
        .file("submissions/rejected/w.c", "/* @EXPECTED_RESULTS@: WRONG-ANSWER, RUN-ERROR */\n")
        .file(
            "submissions/rejected/n.c",
            "// @EXPECTED_RESULTS@: NO-OUTPUT TIMELIMIT COMPILER-ERROR OUTPUT-LIMIT\n")
        .file("submissions/rejected/m.c", "// @Expected_Results@: memory-limit\n");

    ProblemPackage p = pkg.load();

    assertEquals(
        List.of(finalRule("@EXPECTED_RESULTS@ in w.c", Set.of("WA", "RTE"))),
        p.submission("rejected/w.c").orElseThrow().expectations());
    assertEquals(
        List.of(finalRule("@EXPECTED_RESULTS@ in n.c", Set.of("WA", "TLE", "CE", "OLE"))),
        p.submission("rejected/n.c").orElseThrow().expectations());
    assertEquals(
        List.of(finalRule("@EXPECTED_RESULTS@ in m.c", Set.of("MLE"))),
        p.submission("rejected/m.c").orElseThrow().expectations());
    assertEquals(List.of(), p.warnings());
  }

  @Test
  void unknownFoldersGetNoExpectationsAndAWarning() {
    pkg.file("submissions/accepted/a.py", "pass\n")
        .file("submissions/weird/x.py", "pass\n")
        .file("submissions/README.md", "notes\n")
        .file(
            "submissions/submissions.yaml",
            "nothing/*:\n  permitted: [AC]\naccepted:\n  secret/group9:\n    permitted: [AC]\n");

    ProblemPackage p = pkg.load();

    ReferenceSubmission weird = p.submission("weird/x.py").orElseThrow();
    assertEquals(List.of(), weird.expectations());
    assertEquals(TimeLimitUse.NONE, weird.timeLimitUse());
    assertEquals(
        List.of(
            "submissions/submissions.yaml: \"accepted\": test glob \"secret/group9\""
                + " matches no test case or group",
            "submissions/README.md: ignored, a submission must be in a folder of submissions/",
            "submissions/weird/: unknown folder without a submissions.yaml entry,"
                + " its submissions have no expectations",
            "submissions/submissions.yaml: \"nothing/*\" matches no submission"),
        p.warnings());
  }

  @Test
  void oversizeSourcesAreSkippedWithAWarning() {
    pkg.file("submissions/accepted/a.py", "pass\n")
        .bytes("submissions/accepted/huge.py", new byte[(1 << 20) + 1]);

    ProblemPackage p = pkg.load();

    assertEquals(
        List.of("accepted/a.py"), p.submissions().stream().map(ReferenceSubmission::name).toList());
    assertEquals(
        List.of(
            "submissions/accepted/huge.py: is 1048577 bytes, more than the 1 MiB a source may have;"
                + " submission accepted/huge.py skipped"),
        p.warnings());
  }

  @Test
  void unknownVerdictInSubmissionsYamlIsAnError() {
    pkg.file("submissions/accepted/a.py", "pass\n")
        .file("submissions/submissions.yaml", "accepted/a.py:\n  permitted: [AC, SLOW]\n");

    ProblemException e = assertThrows(ProblemException.class, pkg::load);

    assertEquals(
        "problem subs: "
            + pkg.root
            + "/submissions/submissions.yaml: accepted/a.py.permitted"
            + " must list verdicts among AC, WA, TLE, RTE (and our MLE, OLE, PE, CE), got \"SLOW\"",
        e.getMessage());
  }
}
