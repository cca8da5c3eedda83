package dev.judgefleet.worker.judge;

import dev.judgefleet.model.Phase;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.problem.LegacyGrading;
import dev.judgefleet.worker.problem.TestCase;
import dev.judgefleet.worker.problem.TestGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Judges a legacy package's test data as problemtools does: the root ({@code data/}) holds sample
 * and secret, each group judges its test cases and subgroups in order, stops at the first one that
 * is not accepted when its {@code on_reject} is {@code break} (the default), and is graded from its
 * children's verdicts and scores by its {@link LegacyGrading} (the default grader's modes and
 * flags, {@code accept_score} and {@code reject_score}).
 *
 * <p>For a pass-fail package with problemtools' defaults this is the first failing test's verdict,
 * as everywhere else; {@code on_reject: continue}, {@code worst_error} and the other modes make the
 * difference legacy packages rely on ({@code ignore_sample}, {@code accept_if_any_accepted} on a
 * scoring problem whose validator rejects some cases).
 */
final class LegacyGrader {
  /** The order of {@code worst_error}: JE, RTE (and SV), MLE, TLE, OLE, WA, PE. */
  private static final List<List<Verdict>> WORST_FIRST =
      List.of(
          List.of(Verdict.IE),
          List.of(Verdict.RE, Verdict.SV),
          List.of(Verdict.MLE),
          List.of(Verdict.TLE),
          List.of(Verdict.OLE),
          List.of(Verdict.WA),
          List.of(Verdict.PE));

  /** A graded child or group. */
  record Graded(String name, Verdict verdict, double score) {}

  private final TestWalk.TestRunner runner;
  private final ProgressListener progress;
  private final int total;
  private final boolean runAll;
  private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
  private final List<ScoreAggregator.GroupResult> groups = new ArrayList<>();
  private final Map<String, Double> testScores = new LinkedHashMap<>();
  private int done;

  /**
   * @param runAll judge every test whatever {@code on_reject} says (time-limit inference, {@code
   *     --all-tests}); the grades are the same, since a grader sees only the children judged
   */
  LegacyGrader(TestWalk.TestRunner runner, ProgressListener progress, int total, boolean runAll) {
    this.runner = runner;
    this.progress = progress;
    this.total = total;
    this.runAll = runAll;
  }

  Map<String, TestOutcome> outcomes() {
    return outcomes;
  }

  /** Every judged test's score: its score.txt, else its group's accept or reject score. */
  Map<String, Double> testScores() {
    return testScores;
  }

  /** Every group's grade, subgroups before their parents, the root last. */
  List<ScoreAggregator.GroupResult> groups() {
    return groups;
  }

  /** Judges and grades the root: sample, then secret (groups without test cases are left out). */
  Graded root(LegacyGrading grading, TestGroup sample, TestGroup secret) {
    List<Graded> children = new ArrayList<>();
    for (TestGroup group : List.of(sample, secret)) {
      if (group.allTests().isEmpty()) {
        continue;
      }
      Graded child = group(group);
      children.add(child);
      if (child.verdict() != Verdict.AC && grading.breakOnReject() && !runAll) {
        break;
      }
    }
    Graded root = grade("", grading, children);
    groups.add(new ScoreAggregator.GroupResult("data", root.score(), bounded(grading.rangeMax())));
    return root;
  }

  private Graded group(TestGroup group) {
    LegacyGrading grading = group.legacy().orElse(LegacyGrading.DEFAULT);
    List<Graded> children = new ArrayList<>();
    for (TestGroup.Member member : group.members()) {
      Graded child;
      if (member instanceof TestGroup.Subgroup sub) {
        child = group(sub.group());
      } else {
        TestCase test = ((TestGroup.Test) member).test();
        progress.progress(Phase.RUNNING, ++done, total);
        TestOutcome outcome = runner.run(test);
        outcomes.put(test.name(), outcome);
        double score =
            outcome.score().isPresent()
                ? outcome.score().getAsDouble()
                : outcome.accepted() ? grading.acceptScore() : grading.rejectScore();
        testScores.put(test.name(), score);
        child = new Graded(test.name(), outcome.verdict(), score);
      }
      children.add(child);
      if (child.verdict() != Verdict.AC && grading.breakOnReject() && !runAll) {
        break;
      }
    }
    Graded graded = grade(group.name(), grading, children);
    groups.add(
        new ScoreAggregator.GroupResult(group.name(), graded.score(), bounded(grading.rangeMax())));
    return graded;
  }

  /** The default grader on one group's children. Pure. */
  static Graded grade(String name, LegacyGrading grading, List<Graded> children) {
    for (Graded child : children) {
      if (child.verdict() == Verdict.IE) {
        return new Graded(name, Verdict.IE, 0);
      }
    }
    List<Graded> counted =
        grading.ignoreSample()
            ? children.stream().filter(c -> !c.name().equals("sample")).toList()
            : children;
    return new Graded(name, verdict(grading, counted), score(grading, counted));
  }

  private static Verdict verdict(LegacyGrading grading, List<Graded> children) {
    if (grading.verdictMode() == LegacyGrading.VerdictMode.ALWAYS_ACCEPT) {
      return Verdict.AC;
    }
    if (grading.acceptIfAnyAccepted()
        && children.stream().anyMatch(c -> c.verdict() == Verdict.AC)) {
      return Verdict.AC;
    }
    if (grading.verdictMode() == LegacyGrading.VerdictMode.FIRST_ERROR) {
      return children.stream()
          .map(Graded::verdict)
          .filter(v -> v != Verdict.AC)
          .findFirst()
          .orElse(Verdict.AC);
    }
    for (List<Verdict> rank : WORST_FIRST) {
      for (Graded child : children) {
        if (rank.contains(child.verdict())) {
          return child.verdict();
        }
      }
    }
    return Verdict.AC;
  }

  private static double score(LegacyGrading grading, List<Graded> children) {
    if (children.isEmpty()) {
      return 0;
    }
    var scores = children.stream().mapToDouble(Graded::score);
    return switch (grading.scoreMode()) {
      case SUM -> scores.sum();
      case AVG -> scores.average().orElse(0);
      case MIN -> scores.min().orElse(0);
      case MAX -> scores.max().orElse(0);
    };
  }

  private static OptionalDouble bounded(double max) {
    return Double.isFinite(max) ? OptionalDouble.of(max) : OptionalDouble.empty();
  }
}
