package dev.judgefleet.worker.problem;

/**
 * Caps on what the loader reads from a package, because packages come from problem setters we do
 * not fully trust: a 10 GiB {@code problem.yaml} or a million test cases must fail fast, not take
 * the worker down.
 *
 * @param yamlBytes the largest YAML file read ({@code problem.yaml}, {@code test_group.yaml},
 *     {@code testdata.yaml}, {@code submissions.yaml}, a test's {@code .yaml}) and the largest
 *     {@code .timelimit} / {@code domjudge-problem.ini}
 * @param sourceBytes the largest file of a reference submission (bigger: skipped with a warning) or
 *     of the output validator (bigger: an error)
 * @param dataFileBytes the largest {@code .in} or {@code .ans}; data files are never read whole,
 *     only their size is checked
 * @param testCases the most test cases in {@code sample} and {@code secret} together
 * @param directoryEntries the most directory entries the loader looks at, summed over every
 *     directory it lists; a directory is counted once per package path however many steps walk it,
 *     but once more for every symlink that leads to it, which stops symlink "bombs": links that fan
 *     out to the same directories many times over
 */
public record LoadLimits(
    long yamlBytes, long sourceBytes, long dataFileBytes, int testCases, int directoryEntries) {

  public static final long MIB = 1024L * 1024;
  public static final long GIB = 1024 * MIB;

  /**
   * 2,000,000 entries: data/ used to be listed twice and charged twice against 4,000,000, so this
   * keeps the cap on test data where it was (and tightens it elsewhere); 100,000 tests with their
   * .in, .ans and a few extras stay well inside it.
   */
  public static final LoadLimits DEFAULTS = new LoadLimits(MIB, MIB, GIB, 100_000, 2_000_000);

  public LoadLimits {
    positive("yamlBytes", yamlBytes);
    positive("sourceBytes", sourceBytes);
    positive("dataFileBytes", dataFileBytes);
    positive("testCases", testCases);
    positive("directoryEntries", directoryEntries);
  }

  public LoadLimits withDataFileBytes(long bytes) {
    return new LoadLimits(yamlBytes, sourceBytes, bytes, testCases, directoryEntries);
  }

  public LoadLimits withTestCases(int count) {
    return new LoadLimits(yamlBytes, sourceBytes, dataFileBytes, count, directoryEntries);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
