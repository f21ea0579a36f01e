package org.sparkdnn.job;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.data.TableColumns;
import org.sparkdnn.io.CourseParametersJson;
import org.sparkdnn.io.OutputDirectory;
import org.sparkdnn.io.Publisher;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.spark.CsvBlockReader;
import org.sparkdnn.spark.DataFrameBlocks;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.train.IterationListener;

/**
 * Trains a model on Spark as {@code spark-dnn train} does, for a Spark application: the data loaded and cached,
 * gradient descent from the initialisation, the warm-start model, the {@code --init-from} parameters or the newest
 * checkpoint, then the model, metrics.json and the learning curve written to {@code --output} (or to a new run of
 * {@code --publish-root}, which {@link Publication#publish} then puts through the quality gate). {@link #fit}
 * trains the same way on data already in memory (a DataFrame, cached blocks) and writes nothing.
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

  /**
   * Trains on blocks already cached, by the same engine and loop as {@link #train}, and writes nothing: the model
   * comes back with its provenance, costs and training metrics ({@link TrainedModel#output()} null). The blocks are
   * released when it returns.
   *
   * @param config a configuration of {@link TrainingConfig#inMemoryBuilder()}
   * @param train the training data as {@link #fit(TrainingConfig, Dataset, TableColumns)} reads it: n[0] features,
   *     the scaling applied if a divisor, in float64 with {@code --scale standardize}, else in the precision
   * @param validation the validation data, read as {@code train}, named by {@code --validation}; null without
   * @param blockColumns the most samples per block the data was cut into, recorded as {@code --block-size}
   * @throws IllegalArgumentException naming the option, if the configuration is not an in-memory one or names
   *     validation data without it (or the reverse)
   * @throws org.sparkdnn.train.TrainingDivergedException if the cost became NaN or infinite
   */
  public TrainedModel fit(TrainingConfig config, DistributedBlocks train, DistributedBlocks validation,
      int blockColumns) {
    if (!config.values().settings().equals(TrainSettings.IN_MEMORY)) {
      throw new IllegalArgumentException("expected a configuration of TrainingConfig.inMemoryBuilder(), found one "
          + "of the settings " + config.values().settings());
    }
    if ((validation != null) != (config.get(TrainSettings.VALIDATION) != null)) {
      throw TrainSettings.VALIDATION.named(validation != null
          ? "expected a name for the validation data given, found none"
          : "expected validation data for " + config.get(TrainSettings.VALIDATION) + ", found none", null);
    }
    IterationListener costs = listener != null ? listener : CostPrinter.forTraining(config, out);
    return TrainingJob.fit(sc, config, start(config, Optional.empty()), Instant.now(), train, validation,
        blockColumns, costs, out);
  }

  /**
   * {@link #fit(TrainingConfig, DistributedBlocks, DistributedBlocks, int)} on a DataFrame's rows, read into
   * cached blocks as {@code train} reads a table ({@link DataFrameBlocks#fromDataFrame}), named by
   * {@code --train}, with the samples' weights from the column {@code --weight-col} names, if any.
   *
   * @throws org.sparkdnn.data.InputDataException if a column is missing or mistyped, or a row is bad
   */
  public TrainedModel fit(TrainingConfig config, Dataset<Row> df, TableColumns columns) {
    CsvBlockReader reader = DataLoader.reader(config);
    DistributedBlocks train = DataFrameBlocks.fromDataFrame(df, config.get(TrainSettings.TRAIN),
        columns.withWeight(config.get(DataSettings.WEIGHT_COL)),
        config.architecture().inputSize(), config.scaling(), config.badRows(), config.get(DataSettings.PARTITIONS),
        reader.blockColumns(), DataLoader.readPrecision(config));
    return fit(config, train, null, reader.blockColumns());
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
