package dev.judgefleet.worker.cli;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The language of {@code judge run} and {@code judge judge}: known, and installed here. */
final class LanguageArgument {
  private LanguageArgument() {}

  /**
   * The language {@code id} names, or when it is null the one {@code source}'s extension maps to.
   * Fails with a usage error when there is none, or when this host lacks its toolchain.
   */
  static Language installed(CommandSpec spec, LanguageCatalog catalog, String id, Path source) {
    Optional<Language> found =
        id != null ? catalog.find(id) : catalog.forFile(source.getFileName().toString());
    Language language =
        found.orElseThrow(
            () ->
                usage(
                    spec,
                    (id != null
                            ? "unknown language '" + id + "'"
                            : "cannot tell the language of " + source + "; use --language")
                        + "; known: "
                        + catalog.all().stream()
                            .map(Language::id)
                            .collect(Collectors.joining(", "))));
    Optional<String> missing = catalog.missing(language);
    if (missing.isPresent()) {
      throw usage(spec, "language '" + language.id() + "' is not available: " + missing.get());
    }
    return language;
  }

  private static ParameterException usage(CommandSpec spec, String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
