package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The grading keys of one legacy {@code testdata.yaml}, as written: a group that leaves a key out
 * takes it from the nearest ancestor that sets it (legacy "Test data groups": "If a property is not
 * defined for a given group, its value is taken from the nearest ancestor group whose testdata.yaml
 * defines that property"), and problemtools' defaults apply where none does.
 */
record LegacyGroupKeys(
    Optional<Path> file,
    Optional<Boolean> breakOnReject,
    Optional<List<String>> graderFlags,
    Optional<Double> acceptScore,
    Optional<Double> rejectScore,
    Optional<double[]> range) {

  static final LegacyGroupKeys NONE =
      new LegacyGroupKeys(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  LegacyGroupKeys {
    graderFlags = graderFlags.map(List::copyOf);
    range = range.map(double[]::clone);
  }

  /** The keys in effect in a group whose own file gives {@code own}. */
  LegacyGroupKeys below(LegacyGroupKeys own) {
    return new LegacyGroupKeys(
        own.file.or(() -> file),
        own.breakOnReject.or(() -> breakOnReject),
        own.graderFlags.or(() -> graderFlags),
        own.acceptScore.or(() -> acceptScore),
        own.rejectScore.or(() -> rejectScore),
        own.range.or(() -> range));
  }

  /**
   * The grading these keys give. Conflicting modes in {@code grader_flags}: "the last one is used".
   * Flags the default grader does not know were warned about when the file was read.
   */
  LegacyGrading resolve() {
    LegacyGrading.VerdictMode verdict = LegacyGrading.VerdictMode.WORST_ERROR;
    LegacyGrading.ScoreMode score = LegacyGrading.ScoreMode.SUM;
    boolean anyAccepted = false;
    boolean ignoreSample = false;
    for (String flag : graderFlags.orElse(List.of())) {
      switch (flag) {
        case "worst_error" -> verdict = LegacyGrading.VerdictMode.WORST_ERROR;
        case "first_error" -> verdict = LegacyGrading.VerdictMode.FIRST_ERROR;
        case "always_accept" -> verdict = LegacyGrading.VerdictMode.ALWAYS_ACCEPT;
        case "sum" -> score = LegacyGrading.ScoreMode.SUM;
        case "avg" -> score = LegacyGrading.ScoreMode.AVG;
        case "min" -> score = LegacyGrading.ScoreMode.MIN;
        case "max" -> score = LegacyGrading.ScoreMode.MAX;
        case "accept_if_any_accepted" -> anyAccepted = true;
        case "ignore_sample" -> ignoreSample = true;
        default -> {
          // Unknown: warned about by TestdataYaml.
        }
      }
    }
    LegacyGrading d = LegacyGrading.DEFAULT;
    return new LegacyGrading(
        breakOnReject.orElse(d.breakOnReject()),
        verdict,
        score,
        anyAccepted,
        ignoreSample,
        acceptScore.orElse(d.acceptScore()),
        rejectScore.orElse(d.rejectScore()),
        range.map(r -> r[0]).orElse(d.rangeMin()),
        range.map(r -> r[1]).orElse(d.rangeMax()));
  }
}
