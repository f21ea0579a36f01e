package org.sparkdnn.job;

import java.io.PrintStream;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.io.ModelFormatException;
import org.sparkdnn.io.ModelLocation;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.io.Publisher;
import org.sparkdnn.io.SavedModel;

/** The trained model {@code --warm-start} names, which a run starts from instead of {@code --init}. */
final class WarmStart {
  private WarmStart() {}

  /**
   * The model to start from, checked against the run's architecture and scaling; empty without --warm-start, or
   * with 'current' while nothing is published yet (said on {@code out}).
   *
   * @throws ModelFormatException if the model is damaged or of another architecture or scaling
   */
  static Optional<SavedModel> model(TrainingConfig config, Configuration conf, PrintStream out) {
    String warmStart = config.get(TrainSettings.WARM_START);
    if (warmStart == null) {
      return Optional.empty();
    }
    Path dir;
    if (warmStart.equals(TrainingConfig.CURRENT)) {
      String publishRoot = config.get(TrainSettings.PUBLISH_ROOT);
      Optional<Path> current = new Publisher(new Path(publishRoot), conf).currentRun();
      if (current.isEmpty()) {
        out.println("Warm start: nothing published in " + publishRoot + " yet; starting from --init");
        return Optional.empty();
      }
      dir = current.get();
    } else {
      dir = ModelLocation.resolve(new Path(warmStart), conf);
    }
    SavedModel model = ModelStore.read(dir, conf);
    if (!model.architecture().equals(config.architecture())
        || !model.scaling().toString().equals(config.scaling().toString())) {
      throw new ModelFormatException(new Path(dir, ModelStore.MODEL_FILE), "--warm-start: expected a model of "
          + config.architecture() + ", scaling " + config.scaling() + " (--layers, --activations, --scale), found "
          + model.architecture() + ", scaling " + model.scaling());
    }
    out.println("Warm start from " + dir);
    return Optional.of(model);
  }
}
