package dev.judgefleet.worker.language;

import dev.judgefleet.worker.sandbox.Bind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The languages this worker knows, and which of them this host can run. The built-in entries follow
 * what contest judges commonly use (Kattis, DOMjudge): gnu17/gnu++20 with -O2 and static linking,
 * Python 3, Java 17 with the serial collector, Node, Rust 2021.
 */
public final class LanguageCatalog {
  private static final long MIB = 1024L * 1024;

  private final Map<String, Language> byId;

  public LanguageCatalog(Collection<Language> languages) {
    Map<String, Language> map = new LinkedHashMap<>();
    for (Language language : languages) {
      if (map.put(language.id(), language) != null) {
        throw new IllegalArgumentException("language " + language.id() + " defined twice");
      }
    }
    this.byId = map;
  }

  /** The built-in catalog for this host (Rust is found where rustup put it). */
  public static LanguageCatalog builtIn() {
    List<Language> all = new ArrayList<>();
    all.add(
        new Language(
            "c",
            "C 17 (gcc)",
            List.of("c"),
            "main.c",
            List.of(
                "/usr/bin/gcc",
                "-std=gnu17",
                "-O2",
                "-pipe",
                "-static",
                "-o",
                "main",
                "{sources}",
                "-lm"),
            List.of("/box/main"),
            1.0,
            0,
            "default",
            16,
            List.of(),
            List.of(),
            List.of("/usr/bin/gcc", "--version"),
            EntryPoint.FIXED,
            "main"));
    all.add(
        new Language(
            "cpp",
            "C++ 20 (g++)",
            List.of("cpp", "cc", "cxx", "c++", "C"),
            "main.cpp",
            List.of(
                "/usr/bin/g++",
                "-std=gnu++20",
                "-O2",
                "-pipe",
                "-static",
                "-o",
                "main",
                "{sources}"),
            List.of("/box/main"),
            1.0,
            0,
            "default",
            16,
            List.of(),
            List.of(),
            List.of("/usr/bin/g++", "--version"),
            EntryPoint.FIXED,
            "main"));
    all.add(
        new Language(
            "python3",
            "Python 3",
            List.of("py", "py3"),
            "main.py",
            // A syntax check up front, as DOMjudge does: a SyntaxError is CE, not RE. Isolated
            // (-I): the working directory is not on sys.path, so a submitted file named like a
            // module py_compile imports (argparse.py) is never run by the check.
            List.of("/usr/bin/python3", "-I", "-m", "py_compile", "{sources}"),
            List.of("/usr/bin/python3", "{source}"),
            1.0,
            0,
            "default",
            16,
            List.of(),
            List.of("PYTHONIOENCODING=utf-8"),
            List.of("/usr/bin/python3", "--version"),
            EntryPoint.FIXED,
            "main"));
    all.add(
        new Language(
            "java",
            "Java 17",
            List.of("java"),
            "{main}.java",
            List.of(
                "/usr/bin/javac",
                "-J-Xmx768m",
                "-J-XX:+UseSerialGC",
                "-encoding",
                "UTF-8",
                // No annotation processors: they would run code found beside the sources.
                "-proc:none",
                "-d",
                ".",
                "{sources}"),
            List.of(
                "/usr/bin/java",
                "-XX:+UseSerialGC",
                "-Xss64m",
                "-Xmx{memoryMiB}m",
                "-XX:-UsePerfData",
                "-cp",
                "/box",
                "{main}"),
            1.0,
            128 * MIB,
            "default",
            64,
            List.of(),
            List.of(),
            List.of("/usr/bin/javac", "-version"),
            EntryPoint.JAVA_MAIN_CLASS,
            "Main"));
    all.add(
        new Language(
            "javascript",
            "JavaScript (Node.js)",
            List.of("js", "mjs"),
            "main.js",
            List.of(),
            List.of(
                "/usr/bin/node",
                "--max-old-space-size={memoryMiB}",
                "--stack-size=65500",
                "{source}"),
            1.0,
            64 * MIB,
            "default",
            32,
            List.of(),
            List.of(),
            List.of("/usr/bin/node", "--version"),
            EntryPoint.FIXED,
            "main"));
    rustToolchain()
        .ifPresent(
            sysroot ->
                all.add(
                    new Language(
                        "rust",
                        "Rust 2021",
                        List.of("rs"),
                        "main.rs",
                        List.of(
                            sysroot.resolve("bin/rustc").toString(),
                            "--edition=2021",
                            "-O",
                            "-o",
                            "main",
                            "{source}"),
                        List.of("/box/main"),
                        1.0,
                        0,
                        "default",
                        16,
                        sysroot.startsWith("/usr")
                            ? List.of()
                            : List.of(new Bind(sysroot, sysroot.toString(), false)),
                        List.of(),
                        List.of(sysroot.resolve("bin/rustc").toString(), "--version"),
                        EntryPoint.FIXED,
                        "main")));
    return new LanguageCatalog(all);
  }

  /** The built-in catalog, changed by a language file when one is configured. */
  public static LanguageCatalog load(Optional<Path> file) {
    LanguageCatalog builtIn = builtIn();
    return file.map(f -> LanguageFile.apply(builtIn, f)).orElse(builtIn);
  }

  public Optional<Language> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Collection<Language> all() {
    return byId.values();
  }

  /** Whether this host has the language's toolchain. */
  public static boolean available(Language language) {
    String runner = language.run().get(0);
    // A compiled program (/box/main) exists only after its compile.
    boolean runnerOnHost = !runner.startsWith("/box/");
    return Files.isExecutable(Path.of(language.toolchainExecutable()))
        && (!runnerOnHost || Files.isExecutable(Path.of(runner)));
  }

  /** The language a file name's extension maps to. */
  public Optional<Language> forFile(String fileName) {
    return byId.values().stream().filter(l -> l.isSourceFile(fileName)).findFirst();
  }

  /** A rustup stable toolchain or a system rustc, as a sysroot directory. */
  static Optional<Path> rustToolchain() {
    List<Path> homes = new ArrayList<>();
    String rustupHome = System.getenv("RUSTUP_HOME");
    if (rustupHome != null) {
      homes.add(Path.of(rustupHome));
    }
    homes.add(Path.of(System.getProperty("user.home"), ".rustup"));
    homes.add(Path.of("/root/.rustup"));
    homes.add(Path.of("/usr/local/rustup"));
    for (Path home : homes) {
      Path toolchains = home.resolve("toolchains");
      if (!Files.isDirectory(toolchains)) {
        continue;
      }
      try (Stream<Path> list = Files.list(toolchains)) {
        Optional<Path> stable =
            list.filter(p -> p.getFileName().toString().startsWith("stable-"))
                .filter(p -> Files.isExecutable(p.resolve("bin/rustc")))
                .sorted()
                .findFirst();
        if (stable.isPresent()) {
          return stable;
        }
      } catch (IOException e) {
        // Not readable: try the next place.
      }
    }
    if (Files.isExecutable(Path.of("/usr/bin/rustc"))) {
      return Optional.of(Path.of("/usr"));
    }
    return Optional.empty();
  }
}
