package dev.judgefleet.worker.sandbox.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import dev.judgefleet.worker.sandbox.plan.Kernel;
import java.io.Closeable;
import java.util.List;

/**
 * The worker's end of the SOCK_SEQPACKET socket to a sandbox's init: one message per call, with
 * descriptors attached as SCM_RIGHTS. Not thread-safe; a sandbox serves one run at a time.
 */
public final class ControlSocket implements Closeable {
  private static final int MSGHDR_SIZE = 56;
  private static final int IOVEC_SIZE = 16;
  private static final int CMSG_HEADER = 16;

  /** The most descriptors one message passes ({@code MAX_PASSED_FDS} in the init). */
  public static final int MAX_FDS = 16;

  private static final int RECEIVE_BUFFER = 4096;

  private final int fd;
  private final Memory msghdr = new Memory(MSGHDR_SIZE);
  private final Memory iovec = new Memory(IOVEC_SIZE);
  private final Memory control = new Memory(CMSG_HEADER + 4L * MAX_FDS);
  private final Memory pollfd = new Memory(8);
  private final Memory receiveBuffer = new Memory(RECEIVE_BUFFER);
  private Memory sendBuffer = new Memory(64 * 1024);
  private boolean closed;

  ControlSocket(int fd) {
    this.fd = fd;
  }

  /** Sends one message, passing {@code fds} along (the receiver gets its own copies). */
  public void send(byte[] message, int[] fds) {
    if (fds.length > MAX_FDS) {
      throw new IllegalArgumentException("at most " + MAX_FDS + " descriptors per message");
    }
    if (sendBuffer.size() < message.length) {
      sendBuffer = new Memory(Math.max(message.length, sendBuffer.size() * 2));
    }
    sendBuffer.write(0, message, 0, message.length);
    iovec.setPointer(0, sendBuffer);
    iovec.setLong(8, message.length);
    msghdr.clear();
    msghdr.setPointer(16, iovec);
    msghdr.setLong(24, 1);
    if (fds.length > 0) {
      long dataLength = 4L * fds.length;
      control.clear();
      control.setLong(0, CMSG_HEADER + dataLength);
      control.setInt(8, Kernel.Socket.SOL_SOCKET);
      control.setInt(12, Kernel.Socket.SCM_RIGHTS);
      control.write(CMSG_HEADER, fds, 0, fds.length);
      msghdr.setPointer(32, control);
      msghdr.setLong(40, CMSG_HEADER + ((dataLength + 7) & ~7L));
    }
    try {
      LibC.sendmsg(fd, msghdr, Kernel.Socket.MSG_NOSIGNAL);
    } catch (LastErrorException e) {
      throw Errno.failure("sendmsg(init control socket, " + message.length + " bytes)", e);
    }
  }

  /**
   * Waits up to {@code timeoutMs} (-1: forever) for a message.
   *
   * @return the message, or null on timeout
   * @throws InitGoneException when the init closed its end
   */
  public byte[] receive(int timeoutMs) {
    if (!await(timeoutMs)) {
      return null;
    }
    iovec.setPointer(0, receiveBuffer);
    iovec.setLong(8, RECEIVE_BUFFER);
    msghdr.clear();
    msghdr.setPointer(16, iovec);
    msghdr.setLong(24, 1);
    long n;
    try {
      n = LibC.recvmsg(fd, msghdr, Kernel.Socket.MSG_CMSG_CLOEXEC);
    } catch (LastErrorException e) {
      throw Errno.failure("recvmsg(init control socket)", e);
    }
    if (n == 0) {
      throw new InitGoneException("the sandbox init closed its control socket");
    }
    return receiveBuffer.getByteArray(0, (int) n);
  }

  /**
   * Waits up to {@code timeoutMs} for a message while moving the output of the {@code watched}
   * pipes that has arrived meanwhile into their files. Returns early, with null, when only output
   * arrived: the caller decides when to look again.
   *
   * @return the message, or null on timeout or output
   * @throws InitGoneException when the init closed its end
   */
  public byte[] receive(int timeoutMs, List<CapturePipe> watched) {
    if (watched.isEmpty()) {
      return receive(timeoutMs);
    }
    int n = 1 + watched.size();
    Memory fds = new Memory(8L * n);
    fds.setInt(0, fd);
    fds.setShort(4, Kernel.Poll.POLLIN);
    fds.setShort(6, (short) 0);
    for (int i = 1; i < n; i++) {
      fds.setInt(8L * i, watched.get(i - 1).readEnd());
      fds.setShort(8L * i + 4, Kernel.Poll.POLLIN);
      fds.setShort(8L * i + 6, (short) 0);
    }
    if (poll(fds, n, timeoutMs, "poll(init control socket, output pipes)") == 0) {
      return null;
    }
    for (int i = 1; i < n; i++) {
      if (fds.getShort(8L * i + 6) != 0) {
        watched.get(i - 1).drain();
      }
    }
    return fds.getShort(6) != 0 ? receive(0) : null;
  }

  /** Whether a message (or a hang-up) is waiting, after up to {@code timeoutMs}. */
  public boolean await(int timeoutMs) {
    pollfd.setInt(0, fd);
    pollfd.setShort(4, Kernel.Poll.POLLIN);
    pollfd.setShort(6, (short) 0);
    return poll(pollfd, 1, timeoutMs, "poll(init control socket)") > 0;
  }

  /** Whether {@code fd} is readable (or hung up) within {@code timeoutMs}. */
  static boolean pollReadable(int fd, int timeoutMs) {
    Memory one = new Memory(8);
    one.setInt(0, fd);
    one.setShort(4, Kernel.Poll.POLLIN);
    one.setShort(6, (short) 0);
    return poll(one, 1, timeoutMs, "poll(fd " + fd + ")") > 0;
  }

  private static int poll(Memory fds, int count, int timeoutMs, String call) {
    for (; ; ) {
      try {
        return LibC.poll(fds, count, timeoutMs);
      } catch (LastErrorException e) {
        if (e.getErrorCode() != Kernel.Errno.EINTR) {
          throw Errno.failure(call, e);
        }
      }
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      Fds.closeQuietly(fd);
    }
  }
}
