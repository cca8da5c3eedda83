package dev.judgefleet.worker.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The judge-init executable. The Maven build compiles {@code src/main/c/judge-init.c} (static, libc
 * only) into the jar; at start the engine writes it to the state directory, named by its hash, so a
 * new worker version never executes an old init.
 */
final class InitBinary {
  static final String RESOURCE = "/judgefleet/judge-init";

  private InitBinary() {}

  static Path extract(Path stateDir) {
    byte[] bytes;
    try (InputStream in = InitBinary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "judge-init is missing from the classpath ("
                + RESOURCE
                + "): build the worker with"
                + " Maven, which compiles src/main/c/judge-init.c");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
    String hash;
    try {
      hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Path target = stateDir.resolve("judge-init-" + hash);
    if (Files.isRegularFile(target)) {
      return target;
    }
    try {
      Path tmp = Files.createTempFile(stateDir, "judge-init", ".tmp");
      Files.write(tmp, bytes);
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r-xr-xr-x"));
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("installing judge-init at " + target, e);
    }
    return target;
  }
}
