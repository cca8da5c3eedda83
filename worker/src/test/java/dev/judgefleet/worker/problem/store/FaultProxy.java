package dev.judgefleet.worker.problem.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the real S3 server that damages package downloads on the wire, as a
 * broken network or disk would: it reads the first request of each connection, and when that is a
 * GET of a package archive and a fault is armed, it passes the response's head unchanged and then
 * cuts the body short or flips one of its bytes, and closes the connection. Everything else is
 * passed through untouched. It counts the package GETs it sees.
 *
 * <p>Only the first request of a connection is looked at; a damaged response always closes its
 * connection, so a client's next try comes on a new one. Use one proxy per test (a fresh port), so
 * no pooled connection from another test carries a package GET past it.
 */
final class FaultProxy implements AutoCloseable {
  enum Fault {
    TRUNCATE,
    FLIP_BYTE
  }

  private final ServerSocket server;
  private final int upstreamPort;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger packageGets = new AtomicInteger();
  private volatile Fault fault;
  private final AtomicInteger faultsLeft = new AtomicInteger();

  FaultProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Damages the next {@code count} package downloads. */
  void arm(Fault fault, int count) {
    this.fault = fault;
    faultsLeft.set(count);
  }

  int packageGets() {
    return packageGets.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        threads.execute(() -> serve(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client;
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
      InputStream fromClient = client.getInputStream();
      byte[] head = readHead(fromClient);
      String requestLine = new String(head, StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
      boolean packageGet = requestLine.startsWith("GET ") && requestLine.contains("/packages/");
      if (packageGet) {
        packageGets.incrementAndGet();
      }
      upstream.getOutputStream().write(head);
      upstream.getOutputStream().flush();
      Fault damage = packageGet && faultsLeft.getAndDecrement() > 0 ? fault : null;
      if (damage == null) {
        threads.execute(() -> pump(fromClient, upstream));
        pump(upstream.getInputStream(), client);
        return;
      }
      InputStream fromServer = upstream.getInputStream();
      OutputStream toClient = client.getOutputStream();
      byte[] responseHead = readHead(fromServer);
      toClient.write(responseHead);
      // The server keeps the connection open: read exactly the body its head announces.
      byte[] body = fromServer.readNBytes(contentLength(responseHead));
      if (damage == Fault.TRUNCATE) {
        toClient.write(body, 0, body.length / 2);
      } else {
        body[body.length / 2] ^= 0x5a;
        toClient.write(body);
      }
      toClient.flush();
    } catch (IOException e) {
      // A connection the client or the server closed: nothing to do.
    }
  }

  private static int contentLength(byte[] head) throws IOException {
    for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
        return Integer.parseInt(line.substring(colon + 1).trim());
      }
    }
    throw new IOException("a package GET's response without Content-Length");
  }

  /** The bytes up to and including the blank line that ends an HTTP head. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the end of the head");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toByteArray();
  }

  private static void pump(InputStream from, Socket to) {
    try {
      from.transferTo(to.getOutputStream());
    } catch (IOException e) {
      // Closed.
    } finally {
      try {
        to.shutdownOutput();
      } catch (IOException e) {
        // Closed.
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
