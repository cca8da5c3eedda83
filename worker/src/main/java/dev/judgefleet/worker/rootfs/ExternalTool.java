package dev.judgefleet.worker.rootfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A tool the image store calls (umoci, skopeo), run to completion: its stdout, or why not. */
final class ExternalTool {
  private ExternalTool() {}

  /**
   * Runs {@code argv} with nothing on its stdin.
   *
   * @param doing what it is for, the start of any error ("fetching docker://...")
   * @param debianPackage where the tool comes from, for the error when it is missing
   * @return its stdout
   * @throws RootfsException when it exits non-zero, with its stderr
   */
  static String run(List<String> argv, String doing, String debianPackage) {
    Path errors = null;
    try {
      // stderr to a file: read after the exit, it cannot block the stdout read.
      errors = Files.createTempFile(argv.get(0), ".err");
      Process p = new ProcessBuilder(argv).redirectError(errors.toFile()).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = p.waitFor();
      if (exit != 0) {
        throw new RootfsException(
            doing
                + ": "
                + argv.get(0)
                + " exited "
                + exit
                + ": "
                + Files.readString(errors).strip());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "starting " + argv.get(0) + " (apt-get install " + debianPackage + ") for " + doing, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RootfsException(doing + ": interrupted", e);
    } finally {
      if (errors != null) {
        try {
          Files.deleteIfExists(errors);
        } catch (IOException e) {
          // A temporary file.
        }
      }
    }
  }
}
