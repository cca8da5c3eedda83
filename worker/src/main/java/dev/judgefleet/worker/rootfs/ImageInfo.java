package dev.judgefleet.worker.rootfs;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the store knows of one image besides its tree: written by the build next to the tree, read
 * by {@code judge rootfs list} and {@code judge languages}. Only the digest is trusted; the rest
 * describes.
 *
 * @param name the image's name ({@code gcc}, {@code jvm}; {@code base} for the shared base)
 * @param digest the tree's digest, {@code sha256:<hex>}
 * @param suite the Debian suite it was built from
 * @param sourceDateEpoch the {@code SOURCE_DATE_EPOCH} of the build
 * @param sizeBytes the sum of its files' sizes
 * @param files how many entries it has
 * @param packages every installed Debian package as {@code name=version}, sorted
 * @param versions each language in it and the first line its version command printed there
 */
public record ImageInfo(
    String name,
    String digest,
    String suite,
    long sourceDateEpoch,
    long sizeBytes,
    long files,
    List<String> packages,
    Map<String, String> versions) {

  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public ImageInfo {
    Objects.requireNonNull(suite, "suite");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad image name: " + name);
    }
    if (digest == null || !DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException("image " + name + ": bad digest " + digest);
    }
    packages = packages == null ? List.of() : List.copyOf(packages);
    versions = versions == null ? Map.of() : new TreeMap<>(versions);
  }

  /** Whether {@code name} may name an image (it becomes a file name and an OCI tag). */
  public static boolean validName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  public ImageInfo withVersions(Map<String, String> newVersions) {
    return new ImageInfo(
        name, digest, suite, sourceDateEpoch, sizeBytes, files, packages, newVersions);
  }

  /** The hex part of the digest. */
  public String hex() {
    return digest.substring("sha256:".length());
  }
}
