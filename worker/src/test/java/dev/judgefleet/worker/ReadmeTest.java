package dev.judgefleet.worker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer reads first stays true: the README stands alone, its prerequisites name every
 * tool its own steps and {@code bin/judge} call, and its test command is the one CI runs.
 */
class ReadmeTest {
  private static final Path TOP = Path.of("..").toAbsolutePath().normalize();

  /** Tools outside the JDK and Maven that a step of the README or of bin/judge may call. */
  private static final List<String> TOOLS =
      List.of("curl", "kcat", "clang-format", "mmdebstrap", "umoci", "skopeo", "runc", "qemu");

  private static String read(String file) throws IOException {
    return Files.readString(TOP.resolve(file));
  }

  private static String prerequisites(String readme) {
    int start = readme.indexOf("## Prerequisites");
    int end = readme.indexOf("\n## ", start + 1);
    assertTrue(start >= 0 && end > start, "the README has a Prerequisites section");
    return readme.substring(start, end);
  }

  @Test
  void everyToolTheStepsCallIsAPrerequisite() throws IOException {
    String readme = read("README.md");
    String prerequisites = prerequisites(readme);
    String outsidePrerequisites = readme.replace(prerequisites, "");
    String judge = read("bin/judge");
    for (String tool : TOOLS) {
      boolean used =
          judge.matches("(?s).*\\b" + tool + " .*")
              || outsidePrerequisites.matches("(?s).*(^|\\n|`)" + tool + " -.*");
      if (used) {
        assertTrue(
            prerequisites.contains(tool),
            tool + " is called by bin/judge or a README step but is not a listed prerequisite");
      }
    }
  }

  @Test
  void theReadmeStandsAlone() throws IOException {
    String readme = read("README.md");
    assertFalse(readme.contains("../shared"), "the README points outside the repository");
    assertFalse(readme.matches("(?s).*shared/(DESIGN|STYLE)\\.md.*"), "a design file users lack");
    assertFalse(readme.contains("\n## Status"), "an internal status section");
  }

  @Test
  void ciRunsTheReadmesTestCommand() throws IOException {
    assertTrue(read("README.md").contains("mvn -B verify"), "the README's test command");
    assertTrue(read(".ci/run").contains("mvn -B verify"), ".ci/run runs the README's command");
  }
}
