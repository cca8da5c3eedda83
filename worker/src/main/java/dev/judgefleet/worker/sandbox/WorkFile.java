package dev.judgefleet.worker.sandbox;

/**
 * A regular file of a sandbox's work directory, as the worker copied it out (or will copy it in).
 *
 * @param path the path relative to /box
 * @param content the bytes
 * @param mode the permission bits (0755 for a program)
 */
public record WorkFile(String path, byte[] content, int mode) {
  public WorkFile {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
