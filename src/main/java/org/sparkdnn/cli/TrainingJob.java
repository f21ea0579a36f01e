package org.sparkdnn.cli;

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
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.CsvBlockReader;
import org.sparkdnn.spark.DataFingerprint;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SkippedRows;
import org.sparkdnn.spark.SparkEvaluator;
import org.sparkdnn.spark.SparkGradientSource;
import org.sparkdnn.train.GradientDescent;
import org.sparkdnn.train.IterationListener;
import org.sparkdnn.train.TimedGradientSource;
import org.sparkdnn.train.TrainingDivergedException;
import org.sparkdnn.train.TrainingResult;
import org.sparkdnn.train.TrainingState;

/**
 * The pipeline behind {@code train} and {@code course}: check the inputs (and the checkpoint directory), load and
 * cache the training (and test) data, fingerprint it, initialise or resume from a checkpoint, run gradient descent
 * (writing checkpoints, timing each iteration, evaluating the test data every {@code evalEvery}), evaluate on the
 * training (and test) data, and publish the model, metrics.json (with the bad rows skipped from each input) and the
 * learning curve into an output directory that appears whole or not at all.
 */
final class TrainingJob {
  /** The metrics file written beside the model. */
  static final String METRICS_FILE = "metrics.json";

  /** The learning curve written beside the model. */
  static final String LEARNING_CURVE_FILE = "learning-curve.png";

  /** The course's decision rule for the accuracies: predict 1 where ŷ > 0.5. */
  static final double THRESHOLD = 0.5;

  /**
   * What to train.
   *
   * @param testPath may be null
   * @param precision the precision the data is cached and the passes run in
   * @param initial the initial parameters, given the Hadoop configuration (to read {@code --init-from})
   * @param initializer the initialisation's name for provenance; {@code seed} goes with it
   * @param config the configuration recorded in the model, metrics.json and checkpoints ({@link RecordedConfig})
   * @param checkpoints where and how often to write checkpoints, and whether to resume from one
   * @param evalEvery with test data, evaluate it after every K-th update and at the end ({@link TestHistory}); 0:
   *     never
   */
  record Spec(String trainPath, String testPath, Architecture architecture, CsvBlockReader reader, int partitions,
      Precision precision, GradientDescent descent, Function<Configuration, Parameters> initial,
      String initializer, long seed, Map<String, Object> config, TrainingCheckpoints.Settings checkpoints,
      int evalEvery) {}

  /**
   * What training produced; {@code test} is null without test data.
   *
   * @param fingerprint the training data's fingerprint (also in metrics.json and the checkpoints)
   */
  record Outcome(TrainingResult result, BinaryMetrics train, BinaryMetrics test, Path output,
      DataFingerprint fingerprint) {}

  private TrainingJob() {}

  static Outcome run(JavaSparkContext sc, Spec spec, OutputDirectory target, IterationListener listener,
      PrintStream out) {
    Configuration conf = sc.hadoopConfiguration();
    Architecture architecture = spec.architecture();
    out.println("BLAS: " + Blas.implementationName());
    InputWidth.check(spec.trainPath(), spec.reader().format(), architecture.inputSize(), "--layers", conf);
    if (spec.testPath() != null) {
      InputWidth.check(spec.testPath(), spec.reader().format(), architecture.inputSize(), "--layers", conf);
    }
    // before the work: a checkpoint directory that cannot be used, or a corrupt checkpoint, stops the run now
    TrainingCheckpoints checkpoints = TrainingCheckpoints.prepare(spec.checkpoints(), conf);
    PhaseTimer timer = new PhaseTimer();
    DistributedBlocks train = timer.time("load", () -> load(sc, spec.trainPath(), spec));
    DistributedBlocks test = null;
    try {
      out.println("Training data: " + train.numExamples() + " samples of " + architecture.inputSize()
          + " features in " + train.numPartitions() + " partitions");
      reportSkipped(train, spec.trainPath(), out);
      // read before training, so that a bad test row stops the run before the work rather than after it
      test = spec.testPath() == null ? null : timer.time("load", () -> load(sc, spec.testPath(), spec));
      if (test != null) {
        reportSkipped(test, spec.testPath(), out);
      }
      return trainAndPublish(sc, spec, train, test, timer, target, listener, checkpoints, out);
    } finally {
      train.unpersist();
      if (test != null) {
        test.unpersist();
      }
    }
  }

  private static Outcome trainAndPublish(JavaSparkContext sc, Spec spec, DistributedBlocks train,
      DistributedBlocks test, PhaseTimer timer, OutputDirectory target, IterationListener listener,
      TrainingCheckpoints checkpoints, PrintStream out) {
    Configuration conf = sc.hadoopConfiguration();
    Architecture architecture = spec.architecture();
    DataFingerprint fingerprint = timer.time("fingerprint", () -> DataFingerprint.of(train));
    Map<String, Object> config = new LinkedHashMap<>(spec.config());
    config.put("partitions", train.numPartitions());
    config.put("block_size", spec.reader().blockColumns());
    TrainingState start = checkpoints.start(config, fingerprint, spec.descent().iterations(),
        () -> spec.initial().apply(conf), out);
    TimedGradientSource source = new TimedGradientSource(new SparkGradientSource(sc, train, architecture));
    TestHistory testHistory = new TestHistory(test == null ? 0 : spec.evalEvery(), spec.descent().iterations(),
        parameters -> SparkEvaluator.confusion(sc, test, parameters, THRESHOLD));
    TrainingResult result;
    try {
      result = timer.time("train", () -> spec.descent().run(
          source, start, listener.andThen(testHistory), checkpoints));
    } catch (TrainingDivergedException e) {
      throw checkpoints.noteLastGood(e);
    }

    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("costs", result.costs());
    metrics.put("iteration_seconds", iterationSeconds(start.iteration(), source.seconds()));
    BinaryMetrics trainMetrics = timer.time("evaluate",
        () -> SparkEvaluator.evaluate(sc, train, result.parameters(), THRESHOLD));
    metrics.put("train", withBadRows(trainMetrics, train.skippedRows()));
    BinaryMetrics testMetrics = null;
    if (test != null) {
      testMetrics = timer.time("evaluate", () -> SparkEvaluator.evaluate(sc, test, result.parameters(), THRESHOLD));
      metrics.put("test", withBadRows(testMetrics, test.skippedRows()));
      metrics.put("test_history", testHistory.toJson());
    }
    metrics.put("config", config);
    metrics.put("data_fingerprint", fingerprint.hex());
    metrics.put("resumed_from", checkpoints.resumedFrom());
    metrics.put("blas", Blas.implementationName());
    SavedModel model = new SavedModel(architecture, result.parameters(), spec.reader().scaling(), config,
        new Provenance(Versions.sparkDnn(), Versions.java(), Versions.spark(), Instant.now().toString(),
            spec.initializer(), spec.seed(), spec.trainPath(), train.numExamples()));
    try {
      timer.time("save", () -> {
        ModelStore.write(model, target.staging(), conf);
        LearningCurvePlot.writePng(result.costs(), testHistory.points(),
            "Learning rate = " + spec.descent().learningRate(),
            new Path(target.staging(), LEARNING_CURVE_FILE), conf);
        return null;
      });
      metrics.put("wall_time_seconds", timer.seconds());
      JsonFiles.writeAtomically(metrics, new Path(target.staging(), METRICS_FILE), conf);
    } catch (UncheckedIOException e) {
      throw target.writeFailure(e);
    }
    target.commit();
    checkpoints.finished(out);
    return new Outcome(result, trainMetrics, testMetrics, target.path(), fingerprint);
  }

  /**
   * metrics.json's {@code iteration_seconds}: at index i the wall time of iteration i's gradient computation, null
   * for the iterations a resumed run took from its checkpoint (before {@code first}).
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

  private static void reportSkipped(DistributedBlocks blocks, String path, PrintStream out) {
    if (blocks.skippedRows().count() > 0) {
      out.println(blocks.skippedRows().describe(path));
    }
  }

  private static DistributedBlocks load(JavaSparkContext sc, String path, Spec spec) {
    return DistributedBlocks.load(sc, path, spec.reader(), spec.partitions(), spec.reader().blockColumns(),
        spec.precision());
  }
}
