package dev.judgefleet.worker.judge;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a file as whitespace-separated byte tokens, one buffer at a time, so that a 1 GiB team
 * output costs a buffer and the current token, never the whole file. Knows the line (counted by
 * line feeds) it is on, for judge messages.
 */
final class TokenReader implements Closeable {
  /**
   * One token.
   *
   * @param bytes the token's bytes, no whitespace among them
   * @param line the 1-based line it starts on
   */
  record Token(byte[] bytes, long line) {}

  /** A token longer than the reader's limit; the rest of it was not read. */
  static final class TokenTooLongException extends IOException {
    TokenTooLongException(String message) {
      super(message);
    }
  }

  private static final int BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final String fileName;
  private final int maxTokenBytes;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;
  private byte[] tokenBytes = new byte[256];
  private long line = 1;
  private long lastTokenLine = 1;
  private long tokens;

  private TokenReader(InputStream in, String fileName, int maxTokenBytes) {
    this.in = in;
    this.fileName = fileName;
    this.maxTokenBytes = maxTokenBytes;
  }

  /**
   * @param fileName how messages name the file: "output", "answer file"
   */
  static TokenReader open(Path file, String fileName, int maxTokenBytes) throws IOException {
    return new TokenReader(Files.newInputStream(file), fileName, maxTokenBytes);
  }

  /** The whitespace bytes of the format: space, \f, \n, \r, \t, \v. */
  static boolean isWhitespace(int b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0x0b;
  }

  /** The next byte without consuming it, or -1 at the end of the file. */
  int peek() throws IOException {
    return position < limit || fill() ? buffer[position] & 0xff : -1;
  }

  /** Consumes the byte {@link #peek} returned; only call it after a peek that was not -1. */
  void advance() {
    if (buffer[position++] == '\n') {
      line++;
    }
  }

  void skipWhitespace() throws IOException {
    while (position < limit || fill()) {
      byte b = buffer[position];
      if (!isWhitespace(b)) {
        return;
      }
      position++;
      if (b == '\n') {
        line++;
      }
    }
  }

  /**
   * The token starting at the current byte, or null at the end of the file. Call it where a token
   * starts, that is after the whitespace before it was consumed.
   *
   * @throws TokenTooLongException if the token is longer than the reader's limit
   */
  Token nextToken() throws IOException {
    if (peek() == -1) {
      return null;
    }
    long startLine = line;
    int length = 0;
    while (position < limit || fill()) {
      int start = position;
      while (position < limit && !isWhitespace(buffer[position])) {
        position++;
      }
      int chunk = position - start;
      if (chunk > maxTokenBytes - length) {
        throw new TokenTooLongException(
            String.format(
                "Token on line %d of %s is longer than %d bytes",
                startLine, fileName, maxTokenBytes));
      }
      ensureTokenCapacity(length + chunk);
      System.arraycopy(buffer, start, tokenBytes, length, chunk);
      length += chunk;
      if (position < limit) {
        break; // stopped at whitespace, not at the end of the buffer
      }
    }
    tokens++;
    lastTokenLine = startLine;
    return new Token(Arrays.copyOf(tokenBytes, length), startLine);
  }

  /** The line the reader is on now. */
  long line() {
    return line;
  }

  /** The line of the last token read, or 1 before any; where an exhausted file "ended". */
  long lastTokenLine() {
    return lastTokenLine;
  }

  /** How many tokens were read so far. */
  long tokens() {
    return tokens;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    position = 0;
    limit = Math.max(read, 0);
    return read > 0;
  }

  private void ensureTokenCapacity(int needed) {
    if (needed > tokenBytes.length) {
      int grown = (int) Math.min((long) maxTokenBytes, Math.max(needed, 2L * tokenBytes.length));
      tokenBytes = Arrays.copyOf(tokenBytes, grown);
    }
  }
}
