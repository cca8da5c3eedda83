package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Turns the groups {@link TestDataTree} read into {@link TestGroup}s, filling in the scoring
 * defaults that depend on the problem type, the format and the parent group:
 *
 * <ul>
 *   <li>pass-fail problems, and {@code sample} everywhere: {@code PASS_FAIL}, unbounded;
 *   <li>legacy scoring: the score mode of the closest {@code testdata.yaml}'s {@code grader_flags}
 *       (sum by default), the top of its {@code range}, its {@code accept_score} (1 by default);
 *   <li>2023-07+ scoring: {@code secret} sums up to 100, groups are pass-fail; a group without
 *       {@code max_score} gets 2023-07's inferred share of its parent's.
 * </ul>
 */
final class GroupScoring {
  private static final double DEFAULT_SECRET_MAX_SCORE = 100;
  private static final double LEGACY_ACCEPT_SCORE = 1;

  private final PackageFiles files;
  private final LoadReport report;
  private final PackageFormat format;
  private final ProblemType type;
  private final Set<String> groupNames = new HashSet<>();

  private GroupScoring(PackageFiles files, PackageFormat format, ProblemType type) {
    this.files = files;
    this.report = files.report();
    this.format = format;
    this.type = type;
  }

  static TestData finish(
      PackageFiles files,
      PackageFormat format,
      ProblemType type,
      GroupDraft sample,
      GroupDraft secret,
      GroupConfig root) {
    GroupScoring scoring = new GroupScoring(files, format, type);
    collectGroupNames(sample, scoring.groupNames);
    collectGroupNames(secret, scoring.groupNames);
    return new TestData(
        scoring.finish(sample, Optional.empty(), true),
        scoring.finish(secret, Optional.empty(), false),
        format == PackageFormat.LEGACY ? Optional.of(root.legacy().resolve()) : Optional.empty());
  }

  /**
   * Fills in the defaults of {@code draft} and, top-down, of its subgroups.
   *
   * @param defaultMaxScore the max score the parent gives a group that sets none (2023-07+)
   * @param sample whether the group is {@code sample} (never scored)
   */
  private TestGroup finish(GroupDraft draft, Optional<Double> defaultMaxScore, boolean sample) {
    if (!type.scoring() || sample) {
      return passFail(draft, sample);
    }
    return format == PackageFormat.LEGACY ? legacyScoring(draft) : scoring(draft, defaultMaxScore);
  }

  private TestGroup passFail(GroupDraft draft, boolean sample) {
    if (format != PackageFormat.LEGACY && draft.own().map(GroupConfig::setsScoring).orElse(false)) {
      report.warn(
          shown(draft)
              + ": max_score, score_aggregation and require_pass ignored "
              + (sample ? "in sample" : "on a pass-fail problem"));
    }
    List<TestGroup> groups = new ArrayList<>();
    for (GroupDraft child : draft.groups()) {
      groups.add(passFail(child, sample));
    }
    return new TestGroup(
        draft.name(),
        draft.tests(),
        groups,
        Aggregation.PASS_FAIL,
        OptionalDouble.empty(),
        List.of(),
        acceptScore(draft),
        format == PackageFormat.LEGACY
            ? Optional.of(draft.effective().legacy().resolve())
            : Optional.empty());
  }

  /** Legacy: everything comes from the testdata.yaml keys in effect, inherited key by key. */
  private TestGroup legacyScoring(GroupDraft draft) {
    List<TestGroup> groups = new ArrayList<>();
    for (GroupDraft child : draft.groups()) {
      groups.add(legacyScoring(child));
    }
    return new TestGroup(
        draft.name(),
        draft.tests(),
        groups,
        draft.effective().aggregation().orElse(Aggregation.SUM),
        bounded(draft.effective().maxScore()),
        List.of(),
        acceptScore(draft),
        Optional.of(draft.effective().legacy().resolve()));
  }

  /** 2023-07+: the group's own test_group.yaml, else defaults by position. */
  private TestGroup scoring(GroupDraft draft, Optional<Double> defaultMaxScore) {
    boolean secret = draft.name().equals("secret");
    GroupConfig own = draft.own().orElse(GroupConfig.NONE);
    Aggregation aggregation =
        own.aggregation().orElse(secret ? Aggregation.SUM : Aggregation.PASS_FAIL);
    double maxScore =
        own.maxScore()
            .or(() -> secret ? Optional.of(DEFAULT_SECRET_MAX_SCORE) : defaultMaxScore)
            .orElse(Double.POSITIVE_INFINITY);
    checkRequirePass(draft, own);
    double childDefault = childMaxScore(draft, aggregation, maxScore);
    List<TestGroup> groups = new ArrayList<>();
    for (GroupDraft child : draft.groups()) {
      boolean explicit = child.own().flatMap(GroupConfig::maxScore).isPresent();
      if (!explicit
          && format == PackageFormat.V2025_09
          && Double.isFinite(maxScore)
          && aggregation != Aggregation.PASS_FAIL) {
        report.warn(
            shown(child)
                + ": max_score missing, which 2025-09 requires below a bounded "
                + draft.name()
                + "; using "
                + childDefault);
      }
      groups.add(scoring(child, Optional.of(childDefault)));
    }
    return new TestGroup(
        draft.name(),
        draft.tests(),
        groups,
        aggregation,
        bounded(Optional.of(maxScore)),
        own.requirePass(),
        acceptScore(draft));
  }

  /** Legacy {@code accept_score}, 1 by default; NaN for formats that derive it from max_score. */
  private double acceptScore(GroupDraft draft) {
    return format == PackageFormat.LEGACY
        ? draft.effective().acceptScore().orElse(LEGACY_ACCEPT_SCORE)
        : Double.NaN;
  }

  /**
   * The max score of a subgroup that sets none: 2023-07's "Maximum Score Inference", {@code (M - S)
   * / (A + T)} under a bounded sum, {@code M} under min, unbounded under an unbounded parent. Under
   * pass-fail aggregation the subgroups' scores are not used.
   */
  private double childMaxScore(GroupDraft draft, Aggregation aggregation, double maxScore) {
    if (!Double.isFinite(maxScore) || aggregation == Aggregation.PASS_FAIL) {
      return Double.POSITIVE_INFINITY;
    }
    if (aggregation == Aggregation.MIN) {
      return maxScore;
    }
    double explicitSum = 0;
    int withoutScore = 0;
    for (GroupDraft child : draft.groups()) {
      Optional<Double> explicit = child.own().flatMap(GroupConfig::maxScore);
      if (explicit.isPresent()) {
        explicitSum += explicit.get();
      } else {
        withoutScore++;
      }
    }
    if (explicitSum > maxScore) {
      throw report.error(
          draft.own().flatMap(GroupConfig::file).orElse(files.pathOf(draft.dir())),
          "the max_score of "
              + draft.name()
              + "'s groups add up to "
              + explicitSum
              + ", more than its own "
              + maxScore);
    }
    int parts = withoutScore + draft.tests().size();
    return parts == 0 ? 0 : (maxScore - explicitSum) / parts;
  }

  /** {@code require_pass} names {@code sample} or groups that come earlier (2025-09). */
  private void checkRequirePass(GroupDraft draft, GroupConfig own) {
    for (String required : own.requirePass()) {
      Path file = own.file().orElse(files.pathOf(draft.dir()));
      if (!groupNames.contains(required)) {
        throw report.error(
            file,
            "require_pass names \"" + required + "\", which is not sample or a test data group");
      }
      if (required.compareTo(draft.name()) >= 0) {
        throw report.error(
            file,
            "require_pass names \"" + required + "\", which does not come before " + draft.name());
      }
    }
  }

  private String shown(GroupDraft draft) {
    return draft
        .own()
        .flatMap(GroupConfig::file)
        .map(f -> files.root().relativize(f).toString())
        .orElse(TestDataTree.DATA + "/" + draft.name() + "/");
  }

  private static OptionalDouble bounded(Optional<Double> maxScore) {
    return maxScore.filter(Double::isFinite).map(OptionalDouble::of).orElse(OptionalDouble.empty());
  }

  private static void collectGroupNames(GroupDraft draft, Set<String> into) {
    into.add(draft.name());
    draft.groups().forEach(g -> collectGroupNames(g, into));
  }
}
