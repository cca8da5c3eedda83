package dev.judgefleet.worker.rootfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The packages a tree has installed, from its {@code /var/lib/dpkg/status}. */
final class DpkgStatus {
  private DpkgStatus() {}

  /** Every installed package as {@code name=version}, sorted. */
  static List<String> installed(Path tree) {
    Path status = tree.resolve("var/lib/dpkg/status");
    List<String> out = new ArrayList<>();
    try {
      String text = Files.readString(status, StandardCharsets.UTF_8);
      for (String stanza : text.split("\n\n")) {
        String name = null;
        String version = null;
        boolean installed = false;
        for (String line : stanza.split("\n")) {
          if (line.startsWith("Package: ")) {
            name = line.substring("Package: ".length()).strip();
          } else if (line.startsWith("Version: ")) {
            version = line.substring("Version: ".length()).strip();
          } else if (line.startsWith("Status: ")) {
            installed = line.endsWith(" installed");
          }
        }
        if (name != null && version != null && installed) {
          out.add(name + "=" + version);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + status, e);
    }
    out.sort(null);
    return out;
  }
}
