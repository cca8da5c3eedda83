package dev.judgefleet.worker.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class BrokerProbeTest {
  /** A loopback port nothing listens on: one just closed. */
  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aListeningAddressAmongSeveralIsEnough() throws Exception {
    int closed = closedPort();
    try (ServerSocket open = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      BrokerProbe.requireListening(
          "127.0.0.1:" + closed + ", PLAINTEXT://127.0.0.1:" + open.getLocalPort());
    }
  }

  @Test
  void noListenerIsOneLineThatSuggestsTheLocalStack() throws Exception {
    int port = closedPort();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> BrokerProbe.requireListening("127.0.0.1:" + port));
    assertEquals(
        "no Kafka broker at 127.0.0.1:" + port + " (is `bin/judge up` running?)", e.getMessage());
  }

  @Test
  void anAddressWithoutAPortIsSaidToBeOne() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> BrokerProbe.requireListening("kafka"));
    assertEquals("the Kafka bootstrap address 'kafka' is not host:port", e.getMessage());
  }
}
