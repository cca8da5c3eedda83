package dev.judgefleet.worker.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This node's name, for {@code judgedBy}. */
final class Hostname {
  private Hostname() {}

  static String get() {
    String env = System.getenv("NODE_NAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
