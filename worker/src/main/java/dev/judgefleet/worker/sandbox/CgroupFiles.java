package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.linux.KernelFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/** Parsing shared by both cgroup backends. */
final class CgroupFiles {
  private CgroupFiles() {}

  /** The value of {@code key} in a flat-keyed file ({@code memory.events}, {@code cpu.stat}). */
  static long keyed(String content, String key) {
    for (String line : content.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.substring(0, space).equals(key)) {
        return Long.parseLong(line.substring(space + 1).strip());
      }
    }
    return 0;
  }

  static long readLong(Path file) {
    String s = KernelFiles.read(file).strip();
    return s.equals("max") ? Long.MAX_VALUE : Long.parseLong(s);
  }

  /** Reads a counter that older kernels lack; 0 if the file is not there. */
  static long readLongIfPresent(Path file) {
    return Files.exists(file) ? readLong(file) : 0;
  }
}
