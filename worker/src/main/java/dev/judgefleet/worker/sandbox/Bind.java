package dev.judgefleet.worker.sandbox;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host path made visible read-only inside the sandbox.
 *
 * @param source the host path (a directory, a file, or a symlink, which is recreated as one)
 * @param target the absolute path inside the sandbox
 * @param optional whether a missing source is skipped instead of failing the sandbox
 */
public record Bind(Path source, String target, boolean optional) {
  public Bind {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    if (!source.isAbsolute() || !target.startsWith("/")) {
      throw new IllegalArgumentException(
          "bind paths must be absolute: " + source + " -> " + target);
    }
    if (target.contains("/../") || target.endsWith("/..")) {
      throw new IllegalArgumentException("bind target must not contain '..': " + target);
    }
  }

  /** The same path on both sides, skipped if the host lacks it. */
  public static Bind same(String path) {
    return new Bind(Path.of(path), path, true);
  }
}
