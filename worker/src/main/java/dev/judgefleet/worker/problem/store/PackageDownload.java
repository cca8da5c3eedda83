package dev.judgefleet.worker.problem.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * One download of a package version: the archive named by the digest, unpacked into a fresh
 * directory and checked against the digest. Nothing is trusted before the check passes; the caller
 * deletes the directory when it fails.
 */
public final class PackageDownload {
  private PackageDownload() {}

  /**
   * Downloads and unpacks the version {@code digest} into {@code target} (which must not exist).
   *
   * @throws ArchiveException if the object is missing, corrupt, truncated, hostile or not the
   *     content its name says
   * @throws PackageUnpacker.SourceException if the download broke off
   * @throws StoreException if the store did not answer
   * @throws IOException if writing the files failed
   */
  public static PackageManifest fetch(
      ObjectStore store, PackageDigest digest, Path target, UnpackLimits limits)
      throws IOException, ArchiveException {
    ObjectStore.Download download =
        store
            .open(StoreLayout.archive(digest))
            .orElseThrow(() -> new ArchiveException("the archive is not in the store"));
    PackageManifest manifest;
    try (InputStream in = download.stream()) {
      manifest = PackageUnpacker.unpack(in, target, limits);
    }
    PackageDigest got = manifest.digest();
    if (!got.equals(digest)) {
      throw new ArchiveException("its content is " + got + ", not the digest it is named by");
    }
    return manifest;
  }
}
