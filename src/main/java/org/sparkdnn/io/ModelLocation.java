package org.sparkdnn.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where the model that a path given by a user ({@code --model}, {@code --warm-start}, {@code DnnModel.load}) names
 * is:
 *
 * <ul>
 *   <li>a model directory ({@code model.json} inside); with a {@code manifest.json} (a published run) its
 *       manifest is verified;
 *   <li>a publish root, or its {@code current} pointer: the published run, manifest verified;
 *   <li>a model directory that a replacement ({@code --overwrite}) was killed in the middle of, between moving
 *       the old version aside and moving the new one in: the old version, still whole beside it.
 * </ul>
 */
public final class ModelLocation {
  private ModelLocation() {}

  /**
   * The model directory {@code given} stands for (see the class comment). A path that is none of these is
   * returned as is, for {@link ModelStore#read} to report.
   *
   * @throws ModelFormatException if a publish root has no published model, or a manifest does not verify
   * @throws UncheckedIOException if the file system fails
   */
  public static Path resolve(Path given, Configuration conf) {
    try {
      FileSystem fs = given.getFileSystem(conf);
      if (fs.exists(new Path(given, ModelStore.MODEL_FILE))) {
        if (fs.exists(new Path(given, RunManifest.FILE))) {
          RunManifest.verify(given, conf);
        }
        return given;
      }
      Optional<Path> root = publishRoot(given, fs, conf);
      if (root.isPresent()) {
        return new Publisher(root.get(), conf).currentRun().orElseThrow(() -> new ModelFormatException(
            new Path(root.get(), CurrentPointer.CURRENT), "expected a pointer to the published run, found none"));
      }
      if (!fs.exists(given)) {
        List<Path> previous = OutputDirectory.previousVersions(fs.makeQualified(given), fs);
        for (Path candidate : previous) {
          if (fs.exists(new Path(candidate, ModelStore.MODEL_FILE))) {
            return candidate;
          }
        }
      }
      return given;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for a model at " + given + ": " + e.getMessage(), e);
    }
  }

  /** Reads the model {@code given} stands for: {@link ModelStore#read} of {@link #resolve}. */
  public static SavedModel read(Path given, Configuration conf) {
    return ModelStore.read(resolve(given, conf), conf);
  }

  /** The publish root {@code given} is, or whose {@code current} (or {@code current.next}) it names. */
  private static Optional<Path> publishRoot(Path given, FileSystem fs, Configuration conf) throws IOException {
    if (CurrentPointer.exists(given, conf)) {
      return Optional.of(given);
    }
    String name = given.getName();
    Path parent = given.getParent();
    if (parent != null && (name.equals(CurrentPointer.CURRENT) || name.equals(CurrentPointer.NEXT))
        && CurrentPointer.exists(parent, conf)) {
      return Optional.of(parent);
    }
    return Optional.empty();
  }
}
