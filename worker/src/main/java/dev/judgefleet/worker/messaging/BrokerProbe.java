package dev.judgefleet.worker.messaging;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Utils;

/**
 * Whether anything listens at Kafka's bootstrap addresses, asked before a Kafka client is made: the
 * client itself retries a refused connection until its timeout, logging each attempt, where the
 * command line owes its user one line at once.
 */
public final class BrokerProbe {
  private static final int CONNECT_TIMEOUT_MS = 3000;

  private BrokerProbe() {}

  /**
   * Returns when a TCP connection to one of {@code bootstrap}'s addresses ({@code host:port,...})
   * succeeds.
   *
   * @throws IllegalStateException naming the addresses when none accepts a connection
   */
  public static void requireListening(String bootstrap) {
    List<String> refused = new ArrayList<>();
    for (String address : bootstrap.split(",")) {
      String hostPort = address.strip();
      // Kafka's own reading of a bootstrap address ([v6]:port and a listener prefix included).
      String host = Utils.getHost(hostPort);
      Integer port = Utils.getPort(hostPort);
      if (host == null || port == null) {
        throw new IllegalStateException(
            "the Kafka bootstrap address '" + hostPort + "' is not host:port");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        return;
      } catch (IOException e) {
        refused.add(hostPort);
      }
    }
    throw new IllegalStateException(
        "no Kafka broker at " + String.join(", ", refused) + " (is `bin/judge up` running?)");
  }
}
