package org.sparkdnn.io;

import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.Path;

/**
 * A file that spark-dnn reads (a model directory's {@code model.json} or {@code parameters.bin}, the course's
 * parameter JSON) whose content is not what its format requires. The message starts with the offending file's
 * path and states what was expected and what was found.
 */
public final class ModelFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** "{@code file}: {@code problem}". */
  public ModelFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }

  /** "{@code file}: {@code problem}", caused by {@code cause}. */
  public ModelFormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }

  /** A file whose bytes do not match the checksum Hadoop keeps for it (a {@code .crc} file, HDFS block checksums). */
  static ModelFormatException corrupt(Path file, ChecksumException cause) {
    return new ModelFormatException(file,
        "expected content matching Hadoop's checksum, found a mismatch (" + cause.getMessage() + ")", cause);
  }
}
