package dev.judgefleet.worker.judge;

import dev.judgefleet.model.SourceFileNames;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The code of one submission: the main file, whose name the language decides, and the other files
 * the contestant sent with it (headers, modules, more classes), under their own plain names ({@link
 * SourceFileNames}: checked here, so no path into the judge skips the rule).
 *
 * @param main the main file's content
 * @param others the other files by name, in the order they were given
 * @param mainFileName the main file's own name, when it has one (a file on disk, a named file of a
 *     message): the name it keeps when the language's name for it is taken by another file (a
 *     problem's included driver, a module of a reference submission); a plain name too
 */
public record SourceBundle(byte[] main, Map<String, byte[]> others, Optional<String> mainFileName) {
  public SourceBundle {
    Objects.requireNonNull(main, "main");
    others = Collections.unmodifiableMap(new LinkedHashMap<>(others));
    Objects.requireNonNull(mainFileName, "mainFileName");
    for (String name : others.keySet()) {
      SourceFileNames.problem(name)
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException("source file " + problem);
              });
    }
    mainFileName
        .flatMap(SourceFileNames::problem)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException("main source file " + problem);
            });
  }

  /** A bundle whose main file has no name of its own. */
  public SourceBundle(byte[] main, Map<String, byte[]> others) {
    this(main, others, Optional.empty());
  }

  /** A submission of one file. */
  public static SourceBundle of(byte[] main) {
    return new SourceBundle(main, Map.of());
  }

  /** The same code, the main file known by {@code name}. */
  public SourceBundle named(String name) {
    return new SourceBundle(main, others, Optional.of(name));
  }

  /** The bytes of every file together: what a problem's code size limit caps. */
  public long totalBytes() {
    return main.length + others.values().stream().mapToLong(b -> b.length).sum();
  }
}
