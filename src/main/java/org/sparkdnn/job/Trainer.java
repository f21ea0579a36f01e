package org.sparkdnn.job;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.io.CourseParametersJson;
import org.sparkdnn.io.OutputDirectory;
import org.sparkdnn.io.Publisher;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.train.IterationListener;

/**
 * Trains a model on Spark as {@code spark-dnn train} does, for a Spark application: the data loaded and cached,
 * gradient descent from the initialisation, the warm-start model, the {@code --init-from} parameters or the newest
 * checkpoint, then the model, metrics.json and the learning curve written to {@code --output} (or to a new run of
 * {@code --publish-root}, which {@link Publication#publish} then puts through the quality gate).
 */
public final class Trainer {
  private final JavaSparkContext sc;
  private final PrintStream out;
  private final IterationListener listener;

  /** A trainer that prints what {@code train} prints to {@code System.out}. */
  public Trainer(JavaSparkContext sc) {
    this(sc, System.out, null);
  }

  /**
   * @param out where the progress lines go ("BLAS: …", "Training data: …", checkpoints, warm start)
   * @param listener told of every iteration's cost; null: {@link CostPrinter#forTraining} on {@code out}
   */
  public Trainer(JavaSparkContext sc, PrintStream out, IterationListener listener) {
    this.sc = sc;
    this.out = out;
    this.listener = listener;
  }

  /**
   * Trains as {@code config} says and writes the model.
   *
   * @throws IllegalArgumentException if the output, the checkpoint directory or the options refuse the run
   * @throws org.sparkdnn.data.InputDataException if the data is bad
   * @throws org.sparkdnn.io.ModelFormatException if the warm-start model or a checkpoint is bad
   * @throws org.sparkdnn.train.TrainingDivergedException if the cost became NaN or infinite
   */
  public TrainedModel train(TrainingConfig config) {
    Configuration conf = sc.hadoopConfiguration();
    TrainingJob.Start start = start(config, WarmStart.model(config, conf, out));
    IterationListener costs = listener != null ? listener : CostPrinter.forTraining(config, out);
    Instant started = Instant.now();
    Path dir;
    boolean replace;
    if (config.publishing()) {
      Publisher publisher = new Publisher(new Path(config.get(TrainSettings.PUBLISH_ROOT)), conf);
      Publication.requireTestDataOnceOneIsPublished(publisher.currentRun().isPresent(), config);
      dir = publisher.runPath(Publisher.newRunId(started));
      replace = false;
    } else {
      dir = new Path(config.get(TrainSettings.OUTPUT));
      replace = config.get(TrainSettings.OVERWRITE);
    }
    try (OutputDirectory target = OutputDirectory.prepare(dir, replace, conf)) {
      return TrainingJob.run(sc, config, start, started, target, costs, out);
    }
  }

  private static TrainingJob.Start start(TrainingConfig config, Optional<SavedModel> warm) {
    Architecture architecture = config.architecture();
    String initFrom = config.get(TrainSettings.INIT_FROM);
    if (warm.isPresent()) {
      // the warm model's statistics, not this data's: its parameters were trained on inputs standardized by them
      return new TrainingJob.Start(conf -> warm.get().parameters(), "warm-start",
          warm.get().standardization().orElse(null));
    }
    if (initFrom != null) {
      return new TrainingJob.Start(conf -> CourseParametersJson.read(new Path(initFrom), architecture, conf),
          "init-from", null);
    }
    Initializer initializer = config.initializer();
    long seed = config.get(TrainSettings.SEED);
    return new TrainingJob.Start(conf -> initializer.initialize(architecture, seed), initializer.label(), null);
  }
}
