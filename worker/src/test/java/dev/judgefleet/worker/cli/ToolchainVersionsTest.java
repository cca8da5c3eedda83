package dev.judgefleet.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.worker.language.EntryPoint;
import dev.judgefleet.worker.language.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Toolchains are asked once, and again only when their binary changed. */
class ToolchainVersionsTest {
  @TempDir Path tmp;

  /** A "toolchain" that prints {@code version} and counts how often it was asked. */
  private Path toolchain(String name, String version) throws Exception {
    Path script = tmp.resolve(name);
    Files.writeString(
        script,
        "#!/bin/sh\necho asked >> '"
            + tmp.resolve(name + ".asked")
            + "'\necho '"
            + version
            + "'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  private long asked(String name) throws Exception {
    Path count = tmp.resolve(name + ".asked");
    return Files.exists(count) ? Files.readAllLines(count).size() : 0;
  }

  private static Language language(String id, Path toolchain) {
    return new Language(
        id,
        id,
        List.of(id),
        "main." + id,
        List.of(),
        List.of(toolchain.toString()),
        1.0,
        0,
        "default",
        16,
        0,
        List.of(),
        List.of(),
        List.of(toolchain.toString(), "--version"),
        EntryPoint.FIXED,
        "main",
        id,
        "",
        true,
        Optional.empty());
  }

  @Test
  void eachToolchainIsAskedOnceAndRememberedUntilItsBinaryChanges() throws Exception {
    Path cache = tmp.resolve("cache/toolchain-versions.properties");
    Language a = language("a", toolchain("a", "a 1.0"));
    Language b = language("b", toolchain("b", "b 2.0 (build\t7)"));

    assertEquals(
        Map.of("a", "a 1.0", "b", "b 2.0 (build\t7)"),
        new ToolchainVersions(cache).of(List.of(a, b)));
    assertEquals(
        Map.of("a", "a 1.0", "b", "b 2.0 (build\t7)"),
        new ToolchainVersions(cache).of(List.of(a, b)));
    assertEquals(1, asked("a"));
    assertEquals(1, asked("b"));

    // An upgrade replaces the binary: it is asked again.
    toolchain("a", "a 1.1");
    Files.setLastModifiedTime(tmp.resolve("a"), FileTime.from(Instant.now().plusSeconds(5)));
    assertEquals(Map.of("a", "a 1.1"), new ToolchainVersions(cache).of(List.of(a)));
    assertEquals(2, asked("a"));
  }

  @Test
  void aToolchainThatPrintsNothingIsAQuestionMarkAndNotRemembered() throws Exception {
    Path cache = tmp.resolve("toolchain-versions.properties");
    Language quiet = language("quiet", toolchain("quiet", ""));

    assertEquals(Map.of("quiet", "?"), new ToolchainVersions(cache).of(List.of(quiet)));
    assertEquals(Map.of("quiet", "?"), new ToolchainVersions(cache).of(List.of(quiet)));
    assertEquals(2, asked("quiet"));
  }

  @Test
  void aDamagedCacheIsAskedAgainAndRewritten() throws Exception {
    Path cache = tmp.resolve("toolchain-versions.properties");
    Files.writeString(cache, "\\u12 not a properties file\nx=1\t2\n");
    Language a = language("a", toolchain("a", "a 1.0"));

    assertEquals(Map.of("a", "a 1.0"), new ToolchainVersions(cache).of(List.of(a)));
    assertEquals(Map.of("a", "a 1.0"), new ToolchainVersions(cache).of(List.of(a)));
    assertEquals(1, asked("a"));
  }
}
