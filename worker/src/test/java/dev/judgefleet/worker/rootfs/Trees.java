package dev.judgefleet.worker.rootfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Small root filesystem trees for the tests. */
final class Trees {
  private Trees() {}

  /** usr/bin/tool (0755), etc/name with a text, a link bin -> usr/bin, and the mount points. */
  static Path small(Path dir, String name) throws IOException {
    Files.createDirectories(dir.resolve("usr/bin"));
    Files.writeString(dir.resolve("usr/bin/tool"), "#!/bin/sh\necho tool\n");
    Files.setPosixFilePermissions(
        dir.resolve("usr/bin/tool"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(dir.resolve("etc/name"), name + "\n");
    Files.createSymbolicLink(dir.resolve("bin"), Path.of("usr/bin"));
    for (String mountPoint : new String[] {"dev", "proc", "tmp", "box", "problem"}) {
      Files.createDirectories(dir.resolve(mountPoint));
    }
    return dir;
  }
}
