package dev.judgefleet.worker.cli.load;

import dev.judgefleet.model.InlineTest;
import dev.judgefleet.model.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * One kind of submission in a workload: what to send and which verdict must come back.
 *
 * @param name how reports call it, unique in its workload
 * @param problemId the problem to judge against
 * @param language the language id
 * @param source the program's text
 * @param tests inline tests to run instead of the problem's, empty for the problem's own
 * @param expected the verdict every judging of it must have
 * @param weight its share of the arrivals, relative to the other items' weights
 */
public record WorkloadItem(
    String name,
    String problemId,
    String language,
    String source,
    List<InlineTest> tests,
    Verdict expected,
    double weight) {

  public WorkloadItem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(problemId, "problemId");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(expected, "expected");
    tests = List.copyOf(tests);
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException(
          name + ": weight must be a positive number, not " + weight);
    }
  }
}
