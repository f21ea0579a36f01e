package org.sparkdnn.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.Path;

/**
 * The size and SHA-256 of one file's bytes, as a run's {@code manifest.json} records them.
 *
 * @param size the length in bytes
 * @param sha256 the SHA-256 of the content, 64 lowercase hexadecimal digits
 */
public record FileHash(long size, String sha256) {
  private static final int BUFFER_BYTES = 1 << 16;

  /**
   * Reads {@code file} through Hadoop's {@code FileSystem} and hashes it.
   *
   * @throws ModelFormatException if the file is missing or fails Hadoop's own checksum
   * @throws UncheckedIOException if the file system fails
   */
  public static FileHash of(Path file, Configuration conf) {
    MessageDigest digest = newDigest();
    long size = 0;
    byte[] buffer = new byte[BUFFER_BYTES];
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        size += n;
      }
    } catch (FileNotFoundException e) {
      throw new ModelFormatException(file, "expected a file listed in the run's manifest, found no such file", e);
    } catch (ChecksumException e) {
      throw ModelFormatException.corrupt(file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new FileHash(size, HexFormat.of().formatHex(digest.digest()));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
