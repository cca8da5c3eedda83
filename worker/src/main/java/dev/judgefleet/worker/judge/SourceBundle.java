package dev.judgefleet.worker.judge;

import dev.judgefleet.model.SourceFileNames;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The code of one submission: the main file, whose name the language decides, and the other files
 * the contestant sent with it (headers, modules, more classes), under their own plain names ({@link
 * SourceFileNames}: checked here, so no path into the judge skips the rule).
 *
 * @param main the main file's content
 * @param others the other files by name, in the order they were given
 */
public record SourceBundle(byte[] main, Map<String, byte[]> others) {
  public SourceBundle {
    Objects.requireNonNull(main, "main");
    others = Collections.unmodifiableMap(new LinkedHashMap<>(others));
    for (String name : others.keySet()) {
      SourceFileNames.problem(name)
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException("source file " + problem);
              });
    }
  }

  /** A submission of one file. */
  public static SourceBundle of(byte[] main) {
    return new SourceBundle(main, Map.of());
  }

  /** The bytes of every file together: what a problem's code size limit caps. */
  public long totalBytes() {
    return main.length + others.values().stream().mapToLong(b -> b.length).sum();
  }
}
