package dev.judgefleet.worker.rootfs;

import java.util.Objects;

/**
 * One file, directory or symbolic link of a root filesystem tree, as its digest sees it: no
 * modification time (layers clamp it to {@code SOURCE_DATE_EPOCH}), no inode or link count.
 *
 * @param path the path below the root, without a leading slash ({@code usr/bin/gcc})
 * @param type {@code f} regular file, {@code d} directory, {@code l} symbolic link
 * @param mode the permission bits (and sticky bit), as in {@code stat.st_mode & 07777}
 * @param uid the owner
 * @param gid the group
 * @param size the size in bytes of a regular file, else 0
 * @param content the sha256 (hex) of a regular file, the target of a link, "" for a directory
 */
public record TreeEntry(
    String path, char type, int mode, int uid, int gid, long size, String content) {

  public TreeEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    if (type != 'f' && type != 'd' && type != 'l') {
      throw new IllegalArgumentException("unknown entry type " + type + " for " + path);
    }
    if (path.isEmpty() || path.startsWith("/") || path.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("bad entry path: " + path);
    }
  }

  /** The entry's line in the manifest the digest is taken of. */
  public String line() {
    return type
        + " "
        + Integer.toOctalString(mode)
        + " "
        + uid
        + " "
        + gid
        + " "
        + size
        + " "
        + (content.isEmpty()
            ? "-"
            : content.replace("\\", "\\\\").replace(" ", "\\s").replace("\n", "\\n"))
        + " "
        + path
        + "\n";
  }

  /** Whether the two describe the same file, as a layer must carry it. */
  public boolean sameAs(TreeEntry other) {
    return type == other.type
        && mode == other.mode
        && uid == other.uid
        && gid == other.gid
        && size == other.size
        && content.equals(other.content);
  }

  /** The entry's name within its directory. */
  public String name() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** The directory it is in, "" for the root. */
  public String parent() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
