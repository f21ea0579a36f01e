package org.sparkdnn.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * An output directory that appears whole or not at all: files are written into a hidden staging directory
 * beside it, which {@link #commit()} renames into place; {@link #close()} removes the staging directory of a
 * run that failed. An existing target is refused unless overwriting was asked for.
 */
public final class OutputDirectory implements AutoCloseable {
  private final Path target;
  private final Path staging;
  private final boolean overwrite;
  private final FileSystem fs;
  private boolean committed;

  private OutputDirectory(Path target, boolean overwrite, FileSystem fs) {
    this.target = target;
    this.overwrite = overwrite;
    this.fs = fs;
    this.staging = new Path(target.getParent(), "." + target.getName() + ".staging-" + UUID.randomUUID());
  }

  /**
   * Checks that {@code target} can be written, before any work is done.
   *
   * @throws IllegalArgumentException if it exists and {@code overwrite} is false
   */
  public static OutputDirectory prepare(Path target, boolean overwrite, Configuration conf) {
    try {
      FileSystem fs = target.getFileSystem(conf);
      Path qualified = fs.makeQualified(target);
      if (!overwrite && fs.exists(qualified)) {
        throw new IllegalArgumentException("--output " + target + ": expected a path that does not exist yet, "
            + "found an existing " + (fs.getFileStatus(qualified).isDirectory() ? "directory" : "file")
            + " (pass --overwrite to replace it)");
      }
      return new OutputDirectory(qualified, overwrite, fs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check --output " + target + ": " + e.getMessage(), e);
    }
  }

  /** Where the directory will be once committed. */
  public Path path() {
    return target;
  }

  /** The hidden directory to write into before {@link #commit()}; may not exist yet. */
  public Path staging() {
    return staging;
  }

  /** Moves the staging directory into place, replacing the target if overwriting was asked for. */
  public void commit() {
    try {
      if (fs.exists(target)) {
        if (!overwrite) {
          throw new IllegalStateException(
              "--output " + target + " appeared while this run was writing; its results stay in " + staging);
        }
        fs.delete(target, true);
      }
      if (!fs.rename(staging, target)) {
        throw new IOException("rename of " + staging + " to " + target + " failed");
      }
      committed = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + target + ": " + e.getMessage(), e);
    }
  }

  /** Removes the staging directory unless it was committed. */
  @Override
  public void close() {
    if (!committed) {
      try {
        fs.delete(staging, true);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + staging + ": " + e.getMessage(), e);
      }
    }
  }
}
