package dev.judgefleet.worker.problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A hash of every file judging depends on: problem.yaml, {@code data/}, the output validator,
 * {@code include/} and DOMjudge's time-limit files. Statements and reference submissions are left
 * out: changing them must not invalidate compiled validators or cached results.
 *
 * <p>SHA-256 over each file's package path, its length and its bytes, in order of path; the length
 * keeps one file's end from passing for the next one's start. Files are streamed, never held whole.
 */
final class ContentVersion {
  static final int HEX_CHARS = 16;

  private static final List<String> JUDGED =
      List.of(
          ProblemYaml.FILE,
          ExplicitTimeLimit.DOT_TIMELIMIT,
          ExplicitTimeLimit.DOMJUDGE_INI,
          TestDataTree.DATA,
          OutputValidatorDir.CURRENT,
          OutputValidatorDir.LEGACY,
          IncludeDir.INCLUDE);

  private ContentVersion() {}

  static String of(PackageFiles files) {
    List<PackageEntry> judged = new ArrayList<>();
    for (String path : JUDGED) {
      files.find(path).ifPresent(entry -> judged.addAll(files.walkFiles(entry)));
    }
    judged.sort(Comparator.comparing(PackageEntry::path));
    MessageDigest sha256 = sha256();
    byte[] buffer = new byte[64 * 1024];
    for (PackageEntry file : judged) {
      sha256.update(file.path().getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      long length = 0;
      try (InputStream in = files.open(file)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha256.update(buffer, 0, n);
          length += n;
        }
      } catch (IOException e) {
        throw files.report().error(files.pathOf(file), "cannot read: " + e.getMessage(), e);
      }
      sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(length).array());
    }
    return HexFormat.of().formatHex(sha256.digest()).substring(0, HEX_CHARS);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
