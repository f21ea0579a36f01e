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
 * previous version is first moved aside, moved back if the new one cannot take its place, and deleted only once
 * it has; on object stores (s3a) a rename is a copy.
 */
final class AtomicFiles {
  /** The content of a file, written to a stream that the caller closes. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code content} to {@code file}; on failure the temporary file is deleted and the target left as it
   * was.
   */
  static void write(Path file, Configuration conf, Content content) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    String unique = UUID.randomUUID().toString();
    // a leading '.' hides the temporary file from Hadoop input formats
    Path temp = hidden(file, unique + ".tmp");
    try {
      try (FSDataOutputStream out = fs.create(temp, false)) {
        content.writeTo(out);
      }
      replace(fs, temp, file, hidden(file, unique + ".previous"));
    } catch (IOException | RuntimeException e) {
      try {
        fs.delete(temp, false);
      } catch (IOException deleteFailure) {
        e.addSuppressed(deleteFailure);
      }
      throw e;
    }
  }

  private static Path hidden(Path file, String suffix) {
    return new Path(file.getParent(), "." + file.getName() + "." + suffix);
  }

  /** Renames {@code temp} to {@code file}, moving a previous {@code file} aside to {@code previous} meanwhile. */
  private static void replace(FileSystem fs, Path temp, Path file, Path previous) throws IOException {
    boolean replacing = fs.exists(file);
    if (replacing && fs.getFileStatus(file).isDirectory()) {
      throw new IOException(file + " is a directory, not a file to replace");
    }
    if (replacing && !fs.rename(file, previous)) {
      throw new IOException("could not move the previous " + file + " aside to " + previous);
    }
    try {
      if (!fs.rename(temp, file)) {
        throw new IOException("could not rename " + temp + " to " + file);
      }
    } catch (IOException e) {
      if (replacing && !fs.rename(previous, file)) {
        e.addSuppressed(new IOException("the previous " + file + " could not be moved back; it is in " + previous));
      }
      throw e;
    }
    if (replacing && !fs.delete(previous, false)) {
      throw new IOException(file + " was written, but its previous version could not be removed from " + previous);
    }
  }
}
