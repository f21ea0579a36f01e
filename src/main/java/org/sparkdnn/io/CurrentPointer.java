package org.sparkdnn.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code ROOT/current}: a small JSON file naming the published run, {@code {"run_id": "…", "path":
 * "runs/<run-id>", "published_at": "…"}}.
 *
 * <p>Why a pointer file and not a symbolic link or a renamed directory: Hadoop's {@code rename} never replaces
 * an existing directory (it moves the source into it), symbolic links are disabled on HDFS by default and do not
 * exist on object stores, while "write a small file under a temporary name, then rename it" is atomic on HDFS
 * and local disks and a single PUT on object stores. Hadoop's {@code rename} does not replace a file either, so
 * a switch takes three steps, each leaving a whole pointer to read:
 *
 * <ol>
 *   <li>write the new pointer completely as {@code ROOT/current.next} (temporary file, then rename);
 *   <li>delete {@code ROOT/current};
 *   <li>rename {@code current.next} to {@code current}.
 * </ol>
 *
 * A reader takes {@code current}, else {@code current.next} (present whenever {@code current} is not, from step
 * 2 to step 3), and looks again if both were missed because step 3 ran between its two looks, or if it read a file
 * whose checksum file (local and checksummed file systems keep one beside it, renamed separately) was mid-rename.
 * A switch killed between steps 2 and 3 is completed by the next publisher, under the lock, before it does anything
 * else.
 */
final class CurrentPointer {
  /** The pointer's file name in the publish root. */
  static final String CURRENT = "current";
  /** The new pointer during a switch. */
  static final String NEXT = "current.next";
  /** The directory of the run directories. */
  static final String RUNS = "runs";

  /** A run id: letters, digits, '-', '_' and '.', not starting with '.' (no path can hide in it). */
  static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  /** Looks at the pointer files before a reader concludes there is none (or a torn one), each 1 ms later. */
  private static final int READ_ATTEMPTS = 5;

  private CurrentPointer() {}

  /**
   * The run id {@code root}'s pointer names, if any.
   *
   * @throws ModelFormatException if the pointer file is not a pointer
   * @throws UncheckedIOException if the file system fails
   */
  static Optional<String> read(Path root, Configuration conf) {
    ModelFormatException torn = null;
    for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      pause(attempt);
      for (String name : new String[] {CURRENT, NEXT}) {
        try {
          Optional<String> runId = readFile(new Path(root, name), conf);
          if (runId.isPresent()) {
            return runId;
          }
        } catch (ModelFormatException e) {
          if (!(e.getCause() instanceof ChecksumException)) {
            throw e;
          }
          // the file and its checksum file are renamed one after the other: read again
          torn = e;
        }
      }
    }
    if (torn != null) {
      throw torn;
    }
    return Optional.empty();
  }

  /** Before attempt {@code attempt} (from 0), waits that many milliseconds for a switch in progress to end. */
  private static void pause(int attempt) {
    if (attempt > 0) {
      try {
        Thread.sleep(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted reading a pointer"));
      }
    }
  }

  /**
   * True when {@code root} has a pointer file, whole or mid-switch; like {@link #read}, it looks again if step 3
   * of a switch ran between its look at {@code current} and its look at {@code current.next}.
   */
  static boolean exists(Path root, Configuration conf) {
    try {
      FileSystem fs = root.getFileSystem(conf);
      for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
        pause(attempt);
        if (fs.isFile(new Path(root, CURRENT)) || fs.isFile(new Path(root, NEXT))) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + new Path(root, CURRENT) + ": " + e.getMessage(), e);
    }
  }

  /** {@code root/runs/runId}. */
  static Path runPath(Path root, String runId) {
    return new Path(new Path(root, RUNS), runId);
  }

  /**
   * Points {@code root/current} at {@code runId} in the three steps of the class comment. The caller holds the
   * publish lock.
   *
   * @throws UncheckedIOException if the file system fails; the pointer then names the previous run or this one
   */
  static void switchTo(Path root, String runId, Configuration conf) {
    Path current = new Path(root, CURRENT);
    Path next = new Path(root, NEXT);
    try {
      FileSystem fs = root.getFileSystem(conf);
      completeInterruptedSwitch(root, conf);
      Map<String, Object> pointer = new LinkedHashMap<>();
      pointer.put("run_id", runId);
      pointer.put("path", RUNS + "/" + runId);
      pointer.put("published_at", Instant.now().toString());
      JsonFiles.writeAtomically(pointer, next, conf);
      if (fs.exists(current) && !fs.delete(current, false)) {
        throw new IOException("could not delete " + current);
      }
      if (!fs.rename(next, current)) {
        throw new IOException("could not rename " + next + " to " + current);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot switch " + current + " to run " + runId + ": " + e.getMessage(), e);
    }
  }

  /** After a switch killed between its steps 2 and 3, renames {@code current.next} to {@code current}. */
  static void completeInterruptedSwitch(Path root, Configuration conf) throws IOException {
    FileSystem fs = root.getFileSystem(conf);
    Path current = new Path(root, CURRENT);
    Path next = new Path(root, NEXT);
    if (!fs.exists(current) && fs.exists(next) && !fs.rename(next, current)) {
      throw new IOException("could not complete an interrupted switch: rename " + next + " to " + current);
    }
  }

  private static Optional<String> readFile(Path file, Configuration conf) {
    JsonNode root;
    try {
      if (!file.getFileSystem(conf).exists(file)) {
        return Optional.empty();
      }
      root = JsonFiles.readTree(file, conf);
    } catch (ModelFormatException e) {
      if (e.getCause() instanceof FileNotFoundException) {
        return Optional.empty(); // renamed or deleted between the check and the read
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String runId = JsonFieldReader.root(file, root).text("run_id");
    if (!RUN_ID.matcher(runId).matches()) {
      throw new ModelFormatException(file, "expected \"run_id\" to be a run directory's name (letters, digits, "
          + "'-', '_', '.'), found \"" + runId + "\"");
    }
    return Optional.of(runId);
  }
}
