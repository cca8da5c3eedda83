package dev.judgefleet.worker.problem.store;

/**
 * The rule for an entry's path inside a package archive, shared by the packer and the unpacker: a
 * relative path of '/'-separated names, none empty, {@code .} or {@code ..}, no control characters
 * (they would break the manifest's lines and terminals), at most the configured length. So an entry
 * can never name anything outside the directory it is unpacked into.
 */
final class EntryPath {
  private EntryPath() {}

  /** Why {@code path} is not a valid entry path, or null if it is. */
  static String problem(String path, int maxChars) {
    if (path.isEmpty()) {
      return "an empty path";
    }
    if (path.length() > maxChars) {
      return "a path longer than " + maxChars + " characters";
    }
    if (path.startsWith("/")) {
      return "an absolute path";
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return "a control character in the path";
      }
    }
    for (String name : path.split("/", -1)) {
      if (name.isEmpty()) {
        return "an empty name in the path";
      }
      if (name.equals("..")) {
        return "a '..' in the path";
      }
      if (name.equals(".")) {
        return "a '.' in the path";
      }
    }
    return null;
  }
}
