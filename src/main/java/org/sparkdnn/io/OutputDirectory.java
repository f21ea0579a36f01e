package org.sparkdnn.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * An output directory that appears whole or not at all: files are written into a hidden staging directory
 * beside it, which {@link #commit()} renames into place; {@link #close()} removes the staging directory of a
 * run that failed. An existing target is refused unless overwriting was asked for, and is replaced only once the
 * new one is complete. A place where no directory can be created is refused before any work is done.
 *
 * <p>Replacing takes two renames (Hadoop cannot rename over a directory): the old version to a hidden
 * {@code .NAME.previous-UUID} beside it, then the new one into place, then the old one is deleted. A run
 * killed between the two renames leaves no target but the whole old version beside it: {@link ModelLocation}
 * reads that one, and the next {@link #prepare} moves it back (or, with the target there, deletes what a killed
 * deletion left).
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
   * Checks that {@code target} can be written, before any work is done, by creating and removing the staging
   * directory (which creates missing parent directories).
   *
   * @throws IllegalArgumentException if it exists and {@code overwrite} is false, or no directory can be created
   *     there (a parent is a file, permission is denied)
   */
  public static OutputDirectory prepare(Path target, boolean overwrite, Configuration conf) {
    try {
      FileSystem fs = target.getFileSystem(conf);
      Path qualified = fs.makeQualified(target);
      restoreInterruptedReplacement(qualified, fs);
      if (!overwrite && fs.exists(qualified)) {
        throw new IllegalArgumentException("--output " + target + ": expected a path that does not exist yet, "
            + "found an existing " + (fs.getFileStatus(qualified).isDirectory() ? "directory" : "file")
            + " (pass --overwrite to replace it)");
      }
      OutputDirectory output = new OutputDirectory(qualified, overwrite, fs);
      output.requireCreatable(target);
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check --output " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * The hidden copies of {@code target} that replacements moved aside and did not delete (killed before the
   * end), newest first.
   */
  static List<Path> previousVersions(Path target, FileSystem fs) throws IOException {
    List<FileStatus> found = new ArrayList<>();
    if (target.getParent() != null && fs.exists(target.getParent())) {
      FileStatus[] siblings = fs.listStatus(target.getParent(), path -> path.getName().startsWith(
          previousPrefix(target)));
      found.addAll(List.of(siblings));
    }
    found.sort((a, b) -> Long.compare(b.getModificationTime(), a.getModificationTime()));
    return found.stream().map(FileStatus::getPath).toList();
  }

  private static String previousPrefix(Path target) {
    return "." + target.getName() + ".previous-";
  }

  /**
   * Tidies what a killed replacement left: with the target missing, moves the old version back; with the target
   * there, deletes the copies whose deletion was cut short. So at most one copy is ever aside.
   */
  private static void restoreInterruptedReplacement(Path target, FileSystem fs) throws IOException {
    List<Path> previous = previousVersions(target, fs);
    if (fs.exists(target)) {
      for (Path leftover : previous) {
        fs.delete(leftover, true);
      }
    } else if (!previous.isEmpty() && !fs.rename(previous.get(0), target)) {
      throw new IOException("could not move " + previous.get(0) + ", left by an interrupted replacement, back to "
          + target);
    }
  }

  /** Creates and removes the staging directory; if that fails, says why: a file in the way, or permissions. */
  private void requireCreatable(Path given) throws IOException {
    String failure;
    try {
      if (fs.mkdirs(staging)) {
        fs.delete(staging, true);
        return;
      }
      failure = "refused by the file system";
    } catch (IOException e) {
      failure = e.getMessage();
    }
    Path ancestor = staging.getParent();
    while (!fs.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    String found = fs.getFileStatus(ancestor).isFile() ? "a file at " + ancestor
        : "no permission to create it in " + ancestor + " (" + failure + ")";
    throw new IllegalArgumentException("--output " + given + ": expected a directory that can be created, "
        + "found " + found);
  }

  /** Where the directory will be once committed. */
  public Path path() {
    return target;
  }

  /** The hidden directory to write into before {@link #commit()}; may not exist yet. */
  public Path staging() {
    return staging;
  }

  /**
   * An I/O failure met while writing into {@link #staging()} (a full disk, permission denied), said of the
   * target, which {@link #close()} leaves as it was: "cannot write --output DIR (left as it was): cause".
   */
  public UncheckedIOException writeFailure(UncheckedIOException e) {
    return new UncheckedIOException("cannot write --output " + target + " (left as it was): " + e.getMessage(),
        e.getCause());
  }

  /**
   * Moves the staging directory into place. A target being replaced is first moved aside, and moved back if the
   * new one cannot take its place; it is deleted only once the new one is there.
   */
  public void commit() {
    Path previous = null;
    try {
      if (fs.exists(target)) {
        if (!overwrite) {
          throw new IllegalStateException(
              "--output " + target + " appeared while this run was writing; its results stay in " + staging);
        }
        previous = new Path(target.getParent(), previousPrefix(target) + UUID.randomUUID());
        if (!fs.rename(target, previous)) {
          throw new IOException("could not move the previous " + target + " aside to " + previous);
        }
      }
      if (!fs.rename(staging, target)) {
        if (previous != null && !fs.rename(previous, target)) {
          throw new IOException("rename of " + staging + " to " + target + " failed, and the previous version "
              + "could not be moved back; it is in " + previous);
        }
        throw new IOException("rename of " + staging + " to " + target + " failed");
      }
      committed = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish --output " + target + ": " + e.getMessage(), e);
    }
    if (previous != null) {
      try {
        fs.delete(previous, true);
      } catch (IOException e) {
        throw new UncheckedIOException(
            target + " was published, but its previous version could not be removed from " + previous, e);
      }
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
