package dev.judgefleet.worker.rootfs;

import java.util.List;

/**
 * What one image is built from: the base's packages and its languages' own, and what is fetched
 * from Maven Central or npm, as {@code build.sh --fetch} takes it ({@code
 * maven:GROUP:ARTIFACT:VERSION:/opt/dir}, {@code npm:NAME@VERSION:/opt/dir}).
 *
 * @param name the image's name ({@code gcc}, {@code jvm}), shared by the languages in it
 * @param suite the Debian suite
 * @param packages the Debian packages (the base's first), without duplicates
 * @param fetches downloads added to the tree
 * @param languages the ids of the languages in it
 */
public record ImageRecipe(
    String name,
    String suite,
    List<String> packages,
    List<String> fetches,
    List<String> languages) {

  /** The name of the shared base image (Debian's essential set and the base's packages). */
  public static final String BASE = "base";

  public ImageRecipe {
    if (!ImageInfo.validName(name)) {
      throw new IllegalArgumentException("bad image name: " + name);
    }
    packages = List.copyOf(packages);
    fetches = List.copyOf(fetches);
    languages = List.copyOf(languages);
  }
}
