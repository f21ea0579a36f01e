package org.sparkdnn.job;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.eval.BinaryMetrics;
import org.sparkdnn.io.JsonFiles;
import org.sparkdnn.io.LearningCurvePlot;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.io.OutputDirectory;
import org.sparkdnn.io.Provenance;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.linalg.Blas;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.spark.CsvBlockReader;
import org.sparkdnn.spark.DataFingerprint;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SkippedRows;
import org.sparkdnn.spark.SparkEvaluator;
import org.sparkdnn.train.GradientDescent;
import org.sparkdnn.train.IterationListener;
import org.sparkdnn.train.L2Regularized;
import org.sparkdnn.train.MiniBatches;
import org.sparkdnn.train.TimedGradientSource;
import org.sparkdnn.train.TrainingDivergedException;
import org.sparkdnn.train.TrainingResult;
import org.sparkdnn.train.TrainingState;
import org.sparkdnn.train.UpdateRule;

/**
 * The pipeline behind {@link Trainer}: check the inputs (and the checkpoint directory), load and cache the training
 * (and test) data, fingerprint it, initialise or resume from a checkpoint, run gradient descent (writing
 * checkpoints, timing each iteration, evaluating the test data every {@code --eval-every}), evaluate on the
 * training (and test) data, and write the model, metrics.json (with the bad rows skipped from each input) and the
 * learning curve into an output directory that appears whole or not at all.
 */
final class TrainingJob {
  /** The course's decision rule for the accuracies: predict 1 where ŷ > 0.5. */
  static final double THRESHOLD = 0.5;

  /**
   * Where training starts when no checkpoint is resumed.
   *
   * @param parameters the initial parameters, given the Hadoop configuration (to read {@code --init-from})
   * @param label the initialisation's name for provenance: the scheme, "init-from" or "warm-start"
   */
  record Start(Function<Configuration, Parameters> parameters, String label) {}

  private TrainingJob() {}

  static TrainedModel run(JavaSparkContext sc, TrainingConfig config, Start initial, Instant started,
      OutputDirectory target, IterationListener listener, PrintStream out) {
    Configuration conf = sc.hadoopConfiguration();
    int inputSize = config.architecture().inputSize();
    String trainPath = config.get(TrainSettings.TRAIN);
    String testPath = config.get(TrainSettings.TEST);
    CsvBlockReader reader = DataLoader.reader(config);
    out.println("BLAS: " + Blas.implementationName());
    InputWidth.check(trainPath, config.format(), inputSize, "--layers", conf);
    if (testPath != null) {
      InputWidth.check(testPath, config.format(), inputSize, "--layers", conf);
    }
    // before the work: a checkpoint directory that cannot be used, or a corrupt checkpoint, stops the run now
    TrainingCheckpoints checkpoints = TrainingCheckpoints.prepare(config, conf);
    PhaseTimer timer = new PhaseTimer();
    DistributedBlocks train = timer.time("load", () -> DataLoader.load(sc, trainPath, config, reader));
    DistributedBlocks test = null;
    try {
      out.println("Training data: " + train.numExamples() + " samples of " + inputSize
          + " features in " + train.numPartitions() + " partitions");
      DataLoader.reportSkipped(train, trainPath, out);
      // read before training, so that a bad test row stops the run before the work rather than after it
      // as many partitions as the training data: the resident engine's tasks hold one partition of each
      TrainingConfig testConfig = config.with(DataSettings.PARTITIONS, train.numPartitions());
      test = testPath == null ? null : timer.time("load", () -> DataLoader.load(sc, testPath, testConfig, reader));
      if (test != null) {
        DataLoader.reportSkipped(test, testPath, out);
      }
      TrainingConfig recorded = config.with(DataSettings.PARTITIONS, train.numPartitions())
          .with(DataSettings.BLOCK_SIZE, reader.blockColumns());
      Run run = new Run(config, initial, started, timer, target, checkpoints);
      return trainAndWrite(sc, recorded, run, train, test, listener, out);
    } finally {
      train.unpersist();
      if (test != null) {
        test.unpersist();
      }
    }
  }

  /** What one run works with besides its data; {@code given} is its configuration as given. */
  private record Run(TrainingConfig given, Start initial, Instant started, PhaseTimer timer, OutputDirectory target,
      TrainingCheckpoints checkpoints) {}

  /** @param config the configuration with the partitioning found, as recorded */
  private static TrainedModel trainAndWrite(JavaSparkContext sc, TrainingConfig config, Run run,
      DistributedBlocks train, DistributedBlocks test, IterationListener listener, PrintStream out) {
    Configuration conf = sc.hadoopConfiguration();
    PhaseTimer timer = run.timer();
    OutputDirectory target = run.target();
    TrainingCheckpoints checkpoints = run.checkpoints();
    Architecture architecture = config.architecture();
    int iterations = config.iterations();
    MiniBatches batches = config.miniBatches(train.numExamples());
    UpdateRule rule = UpdateRule.of(UpdateRule.Kind.parse(config.get(TrainSettings.OPTIMIZER)),
        config.get(TrainSettings.BETA1), config.get(TrainSettings.BETA2), config.get(TrainSettings.EPSILON));
    GradientDescent descent = new GradientDescent(config.get(TrainSettings.LEARNING_RATE), iterations, rule, batches);
    DataFingerprint fingerprint = timer.time("fingerprint", () -> DataFingerprint.of(train));
    TrainingState start =
        checkpoints.start(config, fingerprint, iterations, () -> run.initial().parameters().apply(conf), out);
    TrainingResult result;
    TimedGradientSource source;
    TestHistory testHistory;
    String engineName;
    try (TrainingEngine engine = TrainingEngine.start(sc, config, train, test, batches, start.iteration(),
        out)) {
      engineName = engine.name();
      double l2 = config.get(TrainSettings.L2);
      source = new TimedGradientSource(l2 > 0 ? new L2Regularized(engine, l2) : engine);
      testHistory = new TestHistory(test == null ? 0 : config.get(TrainSettings.EVAL_EVERY), iterations,
          parameters -> engine.testCounts(parameters, THRESHOLD));
      result = timer.time("train", () -> descent.run(source, start, listener.andThen(testHistory), checkpoints));
    } catch (TrainingDivergedException e) {
      throw checkpoints.noteLastGood(e);
    }

    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("engine", engineName);
    metrics.put("costs", result.costs());
    metrics.put("iteration_seconds",
        iterationSeconds(start.iteration() * (batches == null ? 1 : batches.perEpoch()), source.seconds()));
    BinaryMetrics trainMetrics = timer.time("evaluate",
        () -> SparkEvaluator.evaluate(sc, train, result.parameters(), THRESHOLD));
    metrics.put("train", withBadRows(trainMetrics, train.skippedRows()));
    BinaryMetrics testMetrics = null;
    if (test != null) {
      testMetrics = timer.time("evaluate", () -> SparkEvaluator.evaluate(sc, test, result.parameters(), THRESHOLD));
      metrics.put("test", withBadRows(testMetrics, test.skippedRows()));
      metrics.put("test_history", testHistory.toJson());
    }
    metrics.put("config", config.toJson());
    metrics.put("data_fingerprint", fingerprint.hex());
    metrics.put("resumed_from", checkpoints.resumedFrom());
    metrics.put("blas", Blas.implementationName());
    SavedModel model = new SavedModel(architecture, result.parameters(), config.scaling(), config.toJson(),
        new Provenance(Versions.sparkDnn(), Versions.java(), Versions.spark(), Instant.now().toString(),
            run.initial().label(), config.get(TrainSettings.SEED), config.get(TrainSettings.TRAIN),
            train.numExamples()));
    try {
      timer.time("save", () -> {
        ModelStore.write(model, target.staging(), conf);
        LearningCurvePlot.writePng(result.costs(), testHistory.points(),
            "Learning rate = " + descent.learningRate(),
            new Path(target.staging(), TrainedModel.LEARNING_CURVE_FILE), conf);
        return null;
      });
      metrics.put("wall_time_seconds", timer.seconds());
      JsonFiles.writeAtomically(metrics, new Path(target.staging(), TrainedModel.METRICS_FILE), conf);
    } catch (UncheckedIOException e) {
      throw target.writeFailure(e);
    }
    target.commit();
    checkpoints.finished(out);
    return new TrainedModel(run.given(), model, result, trainMetrics, testMetrics, target.path(), fingerprint,
        run.started());
  }

  /**
   * metrics.json's {@code iteration_seconds}: at index i the wall time of iteration i's gradient computation (of
   * update i, with mini-batches), null for those a resumed run took from its checkpoint (before {@code first}).
   */
  private static List<Double> iterationSeconds(int first, List<Double> seconds) {
    List<Double> all = new ArrayList<>(Collections.nCopies(first, (Double) null));
    all.addAll(seconds);
    return all;
  }

  /** A data set's section of metrics.json: its metrics and {@code bad_rows}, the rows skipped while loading. */
  private static Map<String, Object> withBadRows(BinaryMetrics metrics, SkippedRows skipped) {
    Map<String, Object> section = new LinkedHashMap<>(metrics.toMap());
    section.put("bad_rows", skipped.toMap());
    return section;
  }
}
