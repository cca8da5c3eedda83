package dev.judgefleet.worker.problem.store;

import java.util.regex.Pattern;

/**
 * Where things are in the bucket (under the store's prefix):
 *
 * <ul>
 *   <li>{@code packages/sha256/<hex>.tar.gz}: a package version, named by its digest; written once,
 *       never changed, shared by every problem with the same files;
 *   <li>{@code problems/<id>/index.json}: the problem's {@link ProblemIndex}: its current version
 *       and every push.
 * </ul>
 */
public final class StoreLayout {
  /** Problem ids are package directory names: no separators, no leading dot (as ProblemStore). */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  public static final String PROBLEMS = "problems/";
  public static final String INDEX_TYPE = "application/json";
  public static final String ARCHIVE_TYPE = "application/gzip";

  /** An index is small: a few hundred bytes per push. */
  public static final long INDEX_MAX_BYTES = 16L << 20;

  private StoreLayout() {}

  public static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  public static String index(String problemId) {
    if (!validId(problemId)) {
      throw new IllegalArgumentException("not a problem id: '" + problemId + "'");
    }
    return PROBLEMS + problemId + "/index.json";
  }

  public static String archive(PackageDigest digest) {
    return "packages/sha256/" + digest.hex() + ".tar.gz";
  }
}
