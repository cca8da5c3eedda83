package dev.judgefleet.worker.cli.chaos;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The records {@code judge chaos} mixes into the load that are not valid submissions: bad JSON,
 * schema violations, and (every 50th) a document over the workers' size limit. Each is keyed by a
 * submission id of the run, so its dead letter (which keeps the key) and any IE verdict for it are
 * told apart from anything else on the topics.
 */
public final class MalformedMessages {
  /** One in this many is oversize: each is megabytes for the producer, the broker and a worker. */
  static final int OVERSIZE_EVERY = 50;

  /** What is wrong with a record. */
  public enum Kind {
    BAD_JSON,
    SCHEMA_VIOLATION,
    OVERSIZE
  }

  /**
   * One malformed record.
   *
   * @param key its Kafka key, an id of the run
   * @param kind what is wrong with it
   * @param value its bytes
   */
  public record Malformed(String key, Kind kind, byte[] value) {
    public Malformed {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
    }
  }

  private final String idPrefix;
  private final long maxMessageBytes;

  /**
   * @param idPrefix the run's submission id prefix; the records' keys are {@code PREFIX bad-N}
   * @param maxMessageBytes the workers' message size limit (judge.policy.max-message): an oversize
   *     record is a little over it
   */
  public MalformedMessages(String idPrefix, long maxMessageBytes) {
    if (maxMessageBytes < 1024 || maxMessageBytes > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("not a usable message limit: " + maxMessageBytes);
    }
    this.idPrefix = idPrefix;
    this.maxMessageBytes = maxMessageBytes;
  }

  /** The n-th malformed record of the run (n from 0); the same n gives the same record. */
  public Malformed get(long n) {
    String key = idPrefix + "bad-" + n;
    if (n % OVERSIZE_EVERY == OVERSIZE_EVERY - 1) {
      return new Malformed(key, Kind.OVERSIZE, oversize(key));
    }
    long variant = n / 2;
    return n % 2 == 0
        ? new Malformed(key, Kind.BAD_JSON, badJson(key, variant))
        : new Malformed(key, Kind.SCHEMA_VIOLATION, schemaViolation(key, variant));
  }

  private static byte[] badJson(String key, long variant) {
    return switch ((int) (variant % 5)) {
      case 0 -> utf8("{\"schemaVersion\":1,\"submissionId\":\"" + key + "\",\"problemId\":\"aplu");
      case 1 -> utf8("submission " + key + ", not JSON at all");
      case 2 -> new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'};
      case 3 ->
          utf8(
              "{\"schemaVersion\":1,\"submissionId\":\"" + key + "\"} {\"trailing\":\"document\"}");
      default -> new byte[0];
    };
  }

  private static byte[] schemaViolation(String key, long variant) {
    return utf8(
        switch ((int) (variant % 5)) {
          case 0 ->
              "{\"schemaVersion\":1,\"submissionId\":\""
                  + key
                  + "\",\"problemId\":\"aplusb\",\"language\":\"cobol\",\"source\":\"x\"}";
          case 1 ->
              "{\"schemaVersion\":1,\"submissionId\":42,\"problemId\":\"aplusb\","
                  + "\"language\":\"c\",\"source\":\"int main(){}\"}";
          case 2 ->
              "{\"schemaVersion\":1,\"submissionId\":\""
                  + key
                  + "\",\"language\":\"c\",\"source\":\"int main(){}\"}";
          case 3 ->
              "{\"schemaVersion\":99,\"submissionId\":\""
                  + key
                  + "\",\"problemId\":\"aplusb\",\"language\":\"c\",\"source\":\"x\"}";
          default -> "[\"" + key + "\", \"aplusb\", \"c\"]";
        });
  }

  /** A well-formed submission whose document is 1 KiB over the limit: refused for its size. */
  private byte[] oversize(String key) {
    String head =
        "{\"schemaVersion\":1,\"submissionId\":\""
            + key
            + "\",\"problemId\":\"aplusb\",\"language\":\"c\",\"source\":\"";
    String tail = "int main(){}\"}";
    int total = (int) maxMessageBytes + 1024;
    byte[] bytes = new byte[total];
    Arrays.fill(bytes, (byte) ' ');
    byte[] h = utf8(head);
    byte[] t = utf8(tail);
    System.arraycopy(h, 0, bytes, 0, h.length);
    System.arraycopy(t, 0, bytes, total - t.length, t.length);
    return bytes;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
