package dev.judgefleet.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Base64;
import java.util.Optional;

/**
 * One file of a multi-file submission. The first file of {@link Submission#files()} is the main
 * one.
 *
 * <p>The constructor accepts any content, so that a producer's mistakes reach {@link
 * SubmissionValidator}, which reports all of them at once.
 *
 * @param name a plain file name ({@code Main.java}), no directories
 * @param contentBase64 the file's bytes in standard Base64 (RFC 4648 §4, padding optional, no line
 *     breaks)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceFile(String name, String contentBase64) {

  /** A file with the given bytes, encoded for the wire. */
  public static SourceFile of(String name, byte[] content) {
    return new SourceFile(name, Base64.getEncoder().encodeToString(content));
  }

  /**
   * The decoded bytes, or empty when {@link #contentBase64()} is missing or not valid Base64. A
   * submission that passed {@link SubmissionValidator} always has them; the getter never throws,
   * because broken input is the validator's to report, not a crash in whoever reads the file.
   */
  public Optional<byte[]> content() {
    if (contentBase64 == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getDecoder().decode(contentBase64));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }
}
