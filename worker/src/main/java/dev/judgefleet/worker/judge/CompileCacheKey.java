package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.language.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What a compiled program depends on, as one SHA-256: every source file (name and bytes, in the
 * order they are written), the language, the toolchain's version and the compile command with its
 * environment. Two submissions with the same key compile to the same program, so the second need
 * not compile at all.
 *
 * @param hex the digest, 64 lowercase hex digits (an entry's directory name)
 */
public record CompileCacheKey(String hex) {
  public CompileCacheKey {
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256 in hex: " + hex);
    }
  }

  /**
   * The key of compiling {@code files} (name to bytes, in order) in {@code languageId} with the
   * toolchain {@code toolchain}, by {@code command} run in {@code env}.
   */
  public static CompileCacheKey of(
      Map<String, byte[]> files,
      String languageId,
      String toolchain,
      List<String> command,
      List<String> env) {
    MessageDigest sha = sha256();
    field(sha, "judgefleet compile cache 1");
    field(sha, languageId);
    field(sha, toolchain);
    list(sha, command);
    list(sha, env);
    field(sha, Integer.toString(files.size()));
    files.forEach(
        (name, bytes) -> {
          field(sha, name);
          field(sha, bytes);
        });
    return new CompileCacheKey(HexFormat.of().formatHex(sha.digest()));
  }

  /**
   * The toolchain's identity: its image's digest when the language runs in one; else the host's
   * compiler binary as found now (real path, size, modification time), which changes when the
   * package is upgraded.
   */
  public static String toolchain(Language language) {
    if (language.rootfs().isPresent()) {
      return "image " + language.rootfs().get().digest();
    }
    String executable = language.toolchainExecutable();
    Path binary = onPath(executable);
    try {
      Path real = binary.toRealPath();
      BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
      return "host " + real + " " + a.size() + " " + a.lastModifiedTime().toMillis();
    } catch (IOException e) {
      // Not there: the compile fails and nothing is cached under this name anyway.
      return "host " + executable + " missing";
    }
  }

  private static Path onPath(String executable) {
    if (executable.contains("/")) {
      return Path.of(executable);
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, executable);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return Path.of("/usr/bin", executable);
  }

  // Each field is length-prefixed, so no two different inputs share a byte stream.
  private static void field(MessageDigest sha, String text) {
    field(sha, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void field(MessageDigest sha, byte[] bytes) {
    sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) ':');
    sha.update(bytes);
  }

  private static void list(MessageDigest sha, List<String> items) {
    field(sha, Integer.toString(items.size()));
    items.forEach(item -> field(sha, item));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
