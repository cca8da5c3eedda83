package dev.judgefleet.worker.problem.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes tar.gz archives entry by entry, including the ones no packer of ours would write. */
final class HostileArchive {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final GZIPOutputStream gzip;
  private final TarArchiveOutputStream tar;

  HostileArchive() {
    try {
      gzip = new GZIPOutputStream(bytes);
      tar = new TarArchiveOutputStream(gzip, "UTF-8");
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HostileArchive file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  HostileArchive file(String name, byte[] content) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_NORMAL, true);
    e.setSize(content.length);
    return put(e, content);
  }

  /** A file of {@code size} zero bytes, streamed: compresses a thousandfold. */
  HostileArchive zeros(String name, long size) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_NORMAL, true);
    e.setSize(size);
    try {
      tar.putArchiveEntry(e);
      byte[] block = new byte[1 << 16];
      for (long left = size; left > 0; left -= block.length) {
        tar.write(block, 0, (int) Math.min(block.length, left));
      }
      tar.closeArchiveEntry();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return this;
  }

  HostileArchive directory(String name) {
    return put(new TarArchiveEntry(name + "/", TarArchiveEntry.LF_DIR, true), new byte[0]);
  }

  HostileArchive symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK, true);
    e.setLinkName(target);
    return put(e, new byte[0]);
  }

  HostileArchive hardLink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK, true);
    e.setLinkName(target);
    return put(e, new byte[0]);
  }

  HostileArchive fifo(String name) {
    return put(new TarArchiveEntry(name, TarArchiveEntry.LF_FIFO, true), new byte[0]);
  }

  private HostileArchive put(TarArchiveEntry entry, byte[] content) {
    try {
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  byte[] bytes() {
    try {
      tar.finish();
      tar.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
