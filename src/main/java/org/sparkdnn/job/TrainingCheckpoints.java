package org.sparkdnn.job;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.sparkdnn.config.ConfigDifference;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.data.Standardization;
import org.sparkdnn.io.Checkpoint;
import org.sparkdnn.io.CheckpointStore;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.spark.DataFingerprint;
import org.sparkdnn.train.Checkpointer;
import org.sparkdnn.train.TrainingDivergedException;
import org.sparkdnn.train.TrainingState;

/**
 * The checkpoints of one training run ({@code --checkpoint-dir}, {@code --checkpoint-every},
 * {@code --resume}). Before the data is loaded, the newest checkpoint in the directory is found and validated: a
 * run without {@code --resume} refuses to start over one. Once the data is loaded, {@link #start} resumes from it
 * only if it was written with the same configuration (every setting compared on resume, see
 * {@link org.sparkdnn.config.Setting#isCompared()}) and for data with the same
 * fingerprint; otherwise the run is refused, naming what differs. Once the model is written, the checkpoints are
 * removed, so that the next run in the same directory (the next night's, on new data) starts afresh.
 */
final class TrainingCheckpoints implements Checkpointer {
  /**
   * What the options ask for.
   *
   * @param dir the directory, or null for no checkpoints
   * @param every K: a checkpoint after every K-th iteration and after the last
   * @param resume whether to continue from the newest checkpoint in {@code dir}
   */
  private record Settings(String dir, int every, boolean resume) {}

  private final Settings settings;
  private final CheckpointStore store;
  private final Path newest;
  private final Checkpoint found;
  private TrainingConfig config;
  private DataFingerprint fingerprint;
  private Standardization standardization;
  private Path lastGood;

  private TrainingCheckpoints(Settings settings, CheckpointStore store, Path newest, Checkpoint found) {
    this.settings = settings;
    this.store = store;
    this.newest = newest;
    this.found = found;
    this.lastGood = newest;
  }

  /**
   * Opens (creating) the directory and reads its newest checkpoint, before any work.
   *
   * @throws IllegalArgumentException if the directory cannot be created, or holds a checkpoint and
   *     {@code --resume} was not given
   * @throws org.sparkdnn.io.ModelFormatException if the newest checkpoint is corrupt or not in the format
   */
  static TrainingCheckpoints prepare(TrainingConfig config, Configuration conf) {
    Settings settings = new Settings(config.get(TrainSettings.CHECKPOINT_DIR),
        config.get(TrainSettings.CHECKPOINT_EVERY), config.get(TrainSettings.RESUME));
    if (settings.dir() == null) {
      return new TrainingCheckpoints(settings, null, null, null);
    }
    CheckpointStore store;
    try {
      store = CheckpointStore.open(new Path(settings.dir()), conf);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException("--checkpoint-dir " + e.getMessage(), e);
    }
    Optional<Path> newest = store.newest();
    if (newest.isEmpty()) {
      return new TrainingCheckpoints(settings, store, null, null);
    }
    if (!settings.resume()) {
      throw new IllegalArgumentException("--checkpoint-dir " + settings.dir() + ": expected no checkpoint "
          + "without --resume, found " + newest.get() + "; pass --resume to continue from it, or remove it (or "
          + "choose another --checkpoint-dir) to start afresh");
    }
    return new TrainingCheckpoints(settings, store, newest.get(), store.read(newest.get()));
  }

  /**
   * The statistics of {@code --scale standardize} in the checkpoint to resume from, if it holds them for
   * {@code numFeatures} features: a resumed run standardizes by them, as the run it continues did.
   */
  Optional<Standardization> standardization(int numFeatures) {
    return Optional.ofNullable(found).map(Checkpoint::standardization).filter(s -> s.numFeatures() == numFeatures);
  }

  /**
   * Where gradient descent starts: the newest checkpoint if resuming from one, else iteration 0 from
   * {@code initial}. Prints which.
   *
   * @param config the run's configuration, partitioning included, recorded in its checkpoints
   * @param standardization the statistics the training data is standardized by, recorded in its checkpoints;
   *     null for another scaling
   * @throws IllegalArgumentException if the checkpoint was written with another configuration, for other data,
   *     or is past {@code iterations}; the message names the differing keys and both fingerprints
   */
  TrainingState start(TrainingConfig config, DataFingerprint fingerprint, Standardization standardization,
      int iterations, Supplier<Parameters> initial, PrintStream out) {
    this.config = config;
    this.fingerprint = fingerprint;
    this.standardization = standardization;
    if (found == null) {
      if (settings.resume()) {
        out.println("No checkpoint in " + store.dir() + " to resume from: starting at iteration 0");
      }
      return TrainingState.start(initial.get());
    }
    List<String> problems = new ArrayList<>();
    List<ConfigDifference> differences = config.differencesFrom(found.config());
    if (!differences.isEmpty()) {
      problems.add("the same configuration, found "
          + String.join("; ", differences.stream().map(ConfigDifference::toString).toList()));
    }
    if (!found.dataFingerprint().equals(fingerprint.hex())) {
      problems.add("the same training data, found the data fingerprint " + found.dataFingerprint() + " (m = "
          + found.numExamples() + ") in the checkpoint, " + fingerprint.hex() + " (m = " + fingerprint.numExamples()
          + ") now");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("--resume: " + newest + " was written by another run: expected "
          + String.join("; and expected ", problems) + ". Resume with its options and data, or start afresh "
          + "with another --checkpoint-dir");
    }
    if (found.iteration() > iterations) {
      throw new IllegalArgumentException("--iterations: expected at least the iteration " + found.iteration()
          + " of the checkpoint " + newest + ", found " + iterations);
    }
    out.println("Resumed from " + newest + " at iteration " + found.iteration() + " of " + iterations);
    return new TrainingState(found.parameters(), found.costs(), found.optimizer(), found.stopping());
  }

  /** The checkpoint resumed from and its iteration, for metrics.json; null for a run from iteration 0. */
  Map<String, Object> resumedFrom() {
    if (found == null) {
      return null;
    }
    Map<String, Object> resumed = new LinkedHashMap<>();
    resumed.put("checkpoint", newest.toString());
    resumed.put("iteration", found.iteration());
    return resumed;
  }

  @Override
  public int every() {
    return store == null ? 0 : settings.every();
  }

  @Override
  public void save(TrainingState state) {
    lastGood = store.write(new Checkpoint(state.parameters(), state.costs(), config.toJson(), fingerprint.hex(),
        fingerprint.numExamples(), state.optimizer(), state.stopping(), standardization));
  }

  /** {@code diverged} naming the last good checkpoint, which is kept; as it is without checkpoints. */
  TrainingDivergedException noteLastGood(TrainingDivergedException diverged) {
    if (store == null) {
      return diverged;
    }
    return diverged.withNote(lastGood == null
        ? "no checkpoint was written before (the first was due at iteration " + settings.every() + ")"
        : "the last good checkpoint is kept: " + lastGood);
  }

  /**
   * Removes the checkpoints of a run whose model is written, and says so; a failure to remove them is reported
   * but does not fail the run, whose model is in place.
   */
  void finished(PrintStream out) {
    if (store == null) {
      return;
    }
    try {
      int removed = store.clear();
      out.println("Removed " + removed + " checkpoint" + (removed == 1 ? "" : "s") + " from " + store.dir()
          + " (the model is written)");
    } catch (UncheckedIOException e) {
      out.println("Warning: the model is written, but its checkpoints could not be removed (" + e.getMessage()
          + "); remove them before another run uses " + store.dir());
    }
  }
}
