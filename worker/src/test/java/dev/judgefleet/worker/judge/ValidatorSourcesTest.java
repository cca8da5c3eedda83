package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.judgefleet.worker.problem.ProblemLoader;
import dev.judgefleet.worker.sandbox.WorkFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validators are cached by the package's content version, so the builder must compile exactly the
 * files that version hashes: no more (a stale build), no fewer (a failed one).
 */
class ValidatorSourcesTest {
  @TempDir Path tmp;
  private Path pkg;

  @BeforeEach
  void packageWithOddValidatorFiles() throws IOException {
    pkg = tmp.resolve("v");
    write("problem.yaml", "problem_format_version: 2025-09\nname: V\n");
    write("data/secret/1.in", "1\n");
    write("data/secret/1.ans", "1\n");
    write("output_validator/validator.cpp", "#include \"lib/shared.h\"\nint main() {}\n");
    // The format ignores names starting with '-' or '.', so the hash leaves them out.
    write("output_validator/-util.h", "#pragma once\n");
    write("output_validator/.hidden.h", "#pragma once\n");
    // A symlinked directory inside the package is followed, and hashed.
    write("validator_lib/shared.h", "#pragma once\n");
    Files.createSymbolicLink(pkg.resolve("output_validator/lib"), Path.of("../validator_lib"));
  }

  @Test
  void theBuilderGetsExactlyTheFilesTheContentVersionHashes() throws IOException {
    String version = ProblemLoader.load(pkg).contentVersion();
    assertEquals(List.of("lib/shared.h", "validator.cpp"), sourceNames());

    write("output_validator/-util.h", "#error not hashed, so not compiled\n");
    write("output_validator/.hidden.h", "#error not hashed, so not compiled\n");
    assertEquals(version, ProblemLoader.load(pkg).contentVersion());
    assertEquals(List.of("lib/shared.h", "validator.cpp"), sourceNames());

    write("validator_lib/shared.h", "#pragma once\nint x;\n");
    String sharedChanged = ProblemLoader.load(pkg).contentVersion();
    assertNotEquals(version, sharedChanged);

    write("output_validator/validator.cpp", "int main() { return 42; }\n");
    assertNotEquals(sharedChanged, ProblemLoader.load(pkg).contentVersion());
  }

  @Test
  void aOneFileValidatorIsNamedByItsFile() throws IOException {
    Path dir = tmp.resolve("one");
    Files.createDirectories(dir.resolve("data/secret"));
    Files.writeString(dir.resolve("problem.yaml"), "problem_format_version: 2025-09\nname: O\n");
    Files.writeString(dir.resolve("data/secret/1.in"), "1\n");
    Files.writeString(dir.resolve("data/secret/1.ans"), "1\n");
    Files.writeString(dir.resolve("output_validator"), "print('ok')\n");

    List<WorkFile> sources = ValidatorBuilder.sources(ProblemLoader.load(dir).validation());

    assertEquals(List.of("output_validator"), sources.stream().map(WorkFile::path).toList());
  }

  private List<String> sourceNames() {
    return ValidatorBuilder.sources(ProblemLoader.load(pkg).validation()).stream()
        .map(WorkFile::path)
        .toList();
  }

  private void write(String path, String content) throws IOException {
    Path file = pkg.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
