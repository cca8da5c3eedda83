package dev.judgefleet.worker.sandbox;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where this process sits in the cgroup hierarchies, from {@code /proc/self/mountinfo} and {@code
 * /proc/self/cgroup} (cgroups(7)). Pure parsing, so hybrid, legacy and unified hosts are all unit
 * tested.
 *
 * @param unified the process's cgroup v2 directory, if cgroup2 is mounted
 * @param legacy the process's v1 directory per controller ({@code memory}, {@code pids}, {@code
 *     cpuacct}), for hierarchies that are mounted
 */
public record CgroupTopology(Optional<Path> unified, Map<String, Path> legacy) {

  public CgroupTopology {
    legacy = Map.copyOf(legacy);
  }

  /** Parses the two files' contents. */
  public static CgroupTopology parse(String mountinfo, String procSelfCgroup) {
    Map<String, String> ownPathByController = new HashMap<>();
    String ownUnifiedPath = null;
    for (String line : procSelfCgroup.split("\n")) {
      String[] parts = line.split(":", 3);
      if (parts.length < 3) {
        continue;
      }
      if (parts[0].equals("0") && parts[1].isEmpty()) {
        ownUnifiedPath = parts[2];
      } else {
        for (String controller : parts[1].split(",")) {
          ownPathByController.put(controller, parts[2]);
        }
      }
    }
    Optional<Path> unified = Optional.empty();
    Map<String, Path> legacy = new HashMap<>();
    for (String line : mountinfo.split("\n")) {
      Mount mount = Mount.parse(line);
      if (mount == null) {
        continue;
      }
      if (mount.fstype.equals("cgroup2") && ownUnifiedPath != null && unified.isEmpty()) {
        unified = Optional.of(mount.resolve(ownUnifiedPath));
      } else if (mount.fstype.equals("cgroup")) {
        for (String option : mount.superOptions) {
          String own = ownPathByController.get(option);
          if (own != null && !legacy.containsKey(option)) {
            legacy.put(option, mount.resolve(own));
          }
        }
      }
    }
    return new CgroupTopology(unified, legacy);
  }

  /** Whether the v1 hierarchies the engine needs are all mounted. */
  public boolean hasLegacy() {
    return legacy.containsKey("memory")
        && legacy.containsKey("pids")
        && legacy.containsKey("cpuacct");
  }

  private record Mount(String root, Path mountPoint, String fstype, List<String> superOptions) {
    static Mount parse(String line) {
      // id parent major:minor root mount-point options [optional...] - fstype source super-options
      int dash = line.indexOf(" - ");
      if (dash < 0) {
        return null;
      }
      String[] left = line.substring(0, dash).split(" ");
      String[] right = line.substring(dash + 3).split(" ");
      if (left.length < 5 || right.length < 3) {
        return null;
      }
      return new Mount(
          unescape(left[3]), Path.of(unescape(left[4])), right[0], List.of(right[2].split(",")));
    }

    /** The directory of {@code cgroupPath} (relative to the hierarchy root) under this mount. */
    Path resolve(String cgroupPath) {
      String relative = cgroupPath;
      if (!root.equals("/") && (relative.equals(root) || relative.startsWith(root + "/"))) {
        relative = relative.substring(root.length());
      }
      relative = relative.replaceFirst("^/+", "");
      return relative.isEmpty() ? mountPoint : mountPoint.resolve(relative);
    }

    /** mountinfo escapes space, tab, newline and backslash as octal (proc(5)). */
    private static String unescape(String s) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\' && i + 3 < s.length()) {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
          i += 3;
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
  }
}
