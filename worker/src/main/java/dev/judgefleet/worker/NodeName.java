package dev.judgefleet.worker;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This node's name, for {@code judgedBy}: {@code NODE_NAME} (the Kubernetes downward API sets it to
 * the node, where the pod's own host name would say nothing), else the host name.
 */
public final class NodeName {
  private NodeName() {}

  public static String get() {
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
