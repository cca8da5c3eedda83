package dev.judgefleet.worker.problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The settings one test data directory's {@code test_group.yaml} (or legacy {@code testdata.yaml})
 * gives, before defaults.
 *
 * @param file the file they come from (for messages), empty for none
 * @param args {@code args}: command-line arguments for the submission
 * @param validatorArgs {@code output_validator_args} (legacy {@code output_validator_flags})
 * @param aggregation {@code score_aggregation} (legacy: the score mode of {@code grader_flags})
 * @param maxScore {@code max_score}; {@link Double#POSITIVE_INFINITY} for {@code unbounded}
 *     (legacy: the upper end of {@code range})
 * @param requirePass {@code require_pass}
 * @param acceptScore legacy {@code accept_score}
 * @param legacy legacy {@code testdata.yaml}'s grading keys
 */
record GroupConfig(
    Optional<Path> file,
    Optional<List<String>> args,
    Optional<List<String>> validatorArgs,
    Optional<Aggregation> aggregation,
    Optional<Double> maxScore,
    List<String> requirePass,
    Optional<Double> acceptScore,
    LegacyGroupKeys legacy) {

  static final GroupConfig NONE =
      new GroupConfig(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          Optional.empty(),
          LegacyGroupKeys.NONE);

  GroupConfig {
    args = args.map(List::copyOf);
    validatorArgs = validatorArgs.map(List::copyOf);
    requirePass = List.copyOf(requirePass);
  }

  /**
   * The settings in effect in a directory below this one whose own file says {@code own}.
   *
   * <p>Legacy: every key is inherited from the nearest ancestor whose {@code testdata.yaml} sets it
   * ("Properties specified in testdata.yaml are inherited transitively by descendant groups"), as
   * problemtools does. 2023-07+: {@code args} and {@code output_validator_args} are inherited key
   * by key from the closest ancestor that sets them; the scoring keys belong to their own group
   * only.
   */
  GroupConfig below(Optional<GroupConfig> own, PackageFormat format) {
    GroupConfig mine = own.orElse(NONE);
    if (format == PackageFormat.LEGACY) {
      return new GroupConfig(
          mine.file.or(() -> file),
          mine.args.or(() -> args),
          mine.validatorArgs.or(() -> validatorArgs),
          mine.aggregation.or(() -> aggregation),
          mine.maxScore.or(() -> maxScore),
          List.of(),
          mine.acceptScore.or(() -> acceptScore),
          legacy.below(mine.legacy));
    }
    return new GroupConfig(
        mine.file,
        mine.args.or(() -> args),
        mine.validatorArgs.or(() -> validatorArgs),
        mine.aggregation,
        mine.maxScore,
        mine.requirePass,
        mine.acceptScore,
        LegacyGroupKeys.NONE);
  }

  boolean setsScoring() {
    return aggregation.isPresent() || maxScore.isPresent() || !requirePass.isEmpty();
  }
}
