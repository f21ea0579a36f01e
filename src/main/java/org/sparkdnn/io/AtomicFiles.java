package org.sparkdnn.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes a file through a temporary file in the same directory, renamed over the target once complete, so
 * readers never see a half-written file. Hadoop's {@code rename} does not replace an existing file, so a
 * previous version is deleted just before the rename; on object stores (s3a) the rename is a copy.
 */
final class AtomicFiles {
  /** The content of a file, written to a stream that the caller closes. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code content} to {@code file}; on failure the temporary file is deleted and the target left as it was. */
  static void write(Path file, Configuration conf, Content content) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    // a leading '.' hides the temporary file from Hadoop input formats
    Path temp = new Path(file.getParent(), "." + file.getName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FSDataOutputStream out = fs.create(temp, false)) {
        content.writeTo(out);
      }
      if (fs.exists(file) && !fs.delete(file, false)) {
        throw new IOException(file + ": could not delete the previous version before replacing it");
      }
      if (!fs.rename(temp, file)) {
        throw new IOException(temp + ": could not rename to " + file);
      }
    } catch (IOException | RuntimeException e) {
      try {
        fs.delete(temp, false);
      } catch (IOException deleteFailure) {
        e.addSuppressed(deleteFailure);
      }
      throw e;
    }
  }
}
