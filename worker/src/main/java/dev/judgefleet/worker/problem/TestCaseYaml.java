package dev.judgefleet.worker.problem;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A test case's own {@code X.yaml} (2023-07+): what it sets replaces what its groups set.
 *
 * @param args {@code args}, command-line arguments for the submission
 * @param validatorArgs {@code output_validator_args}
 */
record TestCaseYaml(Optional<List<String>> args, Optional<List<String>> validatorArgs) {
  static final TestCaseYaml NONE = new TestCaseYaml(Optional.empty(), Optional.empty());

  private static final Set<String> KEYS =
      Set.of(
          "args",
          "input_validator_args",
          "output_validator_args",
          "input_visualizer_args",
          "output_visualizer_args",
          "full_feedback",
          "hint",
          "description");

  TestCaseYaml {
    args = args.map(List::copyOf);
    validatorArgs = validatorArgs.map(List::copyOf);
  }

  static TestCaseYaml read(YamlMap yaml) {
    yaml.warnUnknownKeys(KEYS);
    yaml.bool("full_feedback");
    return new TestCaseYaml(yaml.stringList("args"), yaml.stringList("output_validator_args"));
  }
}
