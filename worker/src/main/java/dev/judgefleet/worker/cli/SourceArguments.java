package dev.judgefleet.worker.cli;

import dev.judgefleet.model.SourceFile;
import dev.judgefleet.model.SourceFileNames;
import dev.judgefleet.worker.judge.SourceBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The {@code SOURCE [FILE...]} arguments of {@code judge judge} and {@code judge submit}: the main
 * file first, then the files that go beside it (headers, modules, more classes) under their names.
 */
final class SourceArguments {
  private SourceArguments() {}

  /** Fails with a usage error unless every path is a regular file and the names are distinct. */
  static void check(CommandSpec spec, List<Path> paths) {
    Set<String> names = new HashSet<>();
    for (Path path : paths) {
      if (!Files.isRegularFile(path)) {
        throw new ParameterException(spec.commandLine(), "source file " + path + " not found");
      }
      String name = path.getFileName().toString();
      // The main file is saved under the language's own name; the others under theirs.
      if (path != paths.get(0)) {
        SourceFileNames.problem(name)
            .ifPresent(
                problem -> {
                  throw new ParameterException(spec.commandLine(), "source file " + problem);
                });
      }
      if (!names.add(name)) {
        throw new ParameterException(
            spec.commandLine(), "two source files are named " + path.getFileName());
      }
    }
  }

  static SourceBundle bundle(List<Path> paths) throws IOException {
    Map<String, byte[]> others = new LinkedHashMap<>();
    for (Path path : paths.subList(1, paths.size())) {
      others.put(path.getFileName().toString(), Files.readAllBytes(path));
    }
    return new SourceBundle(Files.readAllBytes(paths.get(0)), others)
        .named(paths.get(0).getFileName().toString());
  }

  /** The files as the wire carries them, the main one first. */
  static List<SourceFile> wireFiles(List<Path> paths) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    for (Path path : paths) {
      files.add(SourceFile.of(path.getFileName().toString(), Files.readAllBytes(path)));
    }
    return files;
  }
}
