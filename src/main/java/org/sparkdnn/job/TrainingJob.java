package org.sparkdnn.job;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.data.Standardization;
import org.sparkdnn.data.ValidationSplit;
import org.sparkdnn.eval.BinaryMetrics;
import org.sparkdnn.io.JsonFiles;
import org.sparkdnn.io.LearningCurvePlot;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.io.OutputDirectory;
import org.sparkdnn.io.Provenance;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.linalg.Blas;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.ClassWeights;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.spark.CsvBlockReader;
import org.sparkdnn.spark.DataFingerprint;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SkippedRows;
import org.sparkdnn.spark.SparkEvaluator;
import org.sparkdnn.train.EarlyStopping;
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
 * (and test and validation) data, fingerprint it, hold out {@code --validation-fraction} of it, initialise or resume
 * from a checkpoint, run gradient descent (writing checkpoints, timing each iteration, evaluating the test data and
 * checking early stopping every {@code --eval-every}), evaluate on the training (and test and validation) data, and
 * write the model (the best checked, with early stopping), metrics.json (with the bad rows skipped from each input)
 * and the learning curve into an output directory that appears whole or not at all. {@link #fit} runs the same
 * steps from standardizing on on data already cached, and returns the model instead of writing it.
 */
final class TrainingJob {
  /** The course's decision rule for the accuracies: predict 1 where ŷ > 0.5. */
  static final double THRESHOLD = 0.5;

  /**
   * Where training starts when no checkpoint is resumed.
   *
   * @param parameters the initial parameters, given the Hadoop configuration (to read {@code --init-from})
   * @param label the initialisation's name for provenance: the scheme, "init-from" or "warm-start"
   * @param standardization the warm-start model's statistics of {@code --scale standardize}, kept rather than
   *     computed from this run's data; null otherwise
   */
  record Start(Function<Configuration, Parameters> parameters, String label, Standardization standardization) {}

  /** Features' ranges differing by more than this factor, unscaled, make {@code train} suggest standardizing. */
  static final double RANGE_RATIO_HINT = 100.0;

  private TrainingJob() {}

  static TrainedModel run(JavaSparkContext sc, TrainingConfig config, Start initial, Instant started,
      OutputDirectory target, IterationListener listener, PrintStream out) {
    Configuration conf = sc.hadoopConfiguration();
    int inputSize = config.architecture().inputSize();
    String trainPath = config.get(TrainSettings.TRAIN);
    String testPath = config.get(TrainSettings.TEST);
    String validationPath = config.get(TrainSettings.VALIDATION);
    CsvBlockReader reader = DataLoader.reader(config);
    out.println("BLAS: " + Blas.implementationName());
    for (String input : new String[] {trainPath, testPath, validationPath}) {
      if (input != null) {
        DataLoader.check(sc, input, config.values(), inputSize, true, "--layers");
      }
    }
    // before the work: a checkpoint directory that cannot be used, or a corrupt checkpoint, stops the run now
    TrainingCheckpoints checkpoints = TrainingCheckpoints.prepare(config, conf);
    PhaseTimer timer = new PhaseTimer();
    Data data = new Data();
    try {
      DistributedBlocks loaded =
          data.cache(timer.time("load", () -> DataLoader.load(sc, trainPath, config, reader, true)));
      Run run = prepare(sc, config, initial, started, timer, checkpoints, data, loaded, out);
      // read before training, so that a bad test row stops the run before the work rather than after it
      // as many partitions as the training data: the resident engine's tasks hold one partition of each
      TrainingConfig otherConfig = config.with(DataSettings.PARTITIONS, loaded.numPartitions());
      if (testPath != null) {
        data.test = data.cache(timer.time("load", () -> DataLoader.load(sc, testPath, otherConfig, reader, false)));
        DataLoader.reportSkipped(data.test, testPath, out);
        data.test = data.replace(data.test,
            DataLoader.standardized(data.test, run.standardization(), config.precision()));
      }
      if (validationPath != null) {
        DistributedBlocks validation =
            data.cache(timer.time("load", () -> DataLoader.load(sc, validationPath, otherConfig, reader, false)));
        run = withValidation(run, data, validation, validationPath, out);
      }
      TrainingConfig recorded = config.with(DataSettings.PARTITIONS, loaded.numPartitions())
          .with(DataSettings.BLOCK_SIZE, reader.blockColumns());
      Outcome outcome = trainOn(sc, recorded, run, data, listener, out);
      write(sc, outcome, run, target);
      checkpoints.finished(out);
      return new TrainedModel(config, outcome.model(), outcome.result(), outcome.train(), outcome.test(),
          target.path(), run.fingerprint(), started);
    } finally {
      data.unpersist();
    }
  }

  /**
   * Trains on blocks already cached, as {@link #run} trains on the data it loads, and writes nothing: the
   * {@link Trainer#fit} of a Spark application, the Spark ML estimator's. The blocks are released when it returns.
   *
   * @param config a configuration of {@link TrainSettings#IN_MEMORY}: no checkpoints, test data or output
   * @param train the training data as read ({@link DataLoader#load}: in float64 with {@code --scale standardize})
   * @param validation the validation data as read, named by {@code --validation}; null without
   * @param blockColumns the most samples per block the data was cut into, recorded as {@code --block-size}
   */
  static TrainedModel fit(JavaSparkContext sc, TrainingConfig config, Start initial, Instant started,
      DistributedBlocks train, DistributedBlocks validation, int blockColumns, IterationListener listener,
      PrintStream out) {
    out.println("BLAS: " + Blas.implementationName());
    TrainingCheckpoints checkpoints = TrainingCheckpoints.prepare(config, sc.hadoopConfiguration());
    PhaseTimer timer = new PhaseTimer();
    Data data = new Data();
    data.cache(train);
    try {
      if (validation != null) {
        data.cache(validation);
      }
      Run run = prepare(sc, config, initial, started, timer, checkpoints, data, train, out);
      if (validation != null) {
        run = withValidation(run, data, validation, config.get(TrainSettings.VALIDATION), out);
      }
      TrainingConfig recorded = config.with(DataSettings.PARTITIONS, train.numPartitions())
          .with(DataSettings.BLOCK_SIZE, blockColumns);
      Outcome outcome = trainOn(sc, recorded, run, data, listener, out);
      return new TrainedModel(config, outcome.model(), outcome.result(), outcome.train(), null, null,
          run.fingerprint(), started);
    } finally {
      data.unpersist();
    }
  }

  /**
   * What both paths do with the training data as read, {@code loaded} (cached in {@code data}): say its size and
   * bad rows, standardize it, fingerprint it, then hold {@code --validation-fraction} of it out.
   */
  private static Run prepare(JavaSparkContext sc, TrainingConfig config, Start initial, Instant started,
      PhaseTimer timer, TrainingCheckpoints checkpoints, Data data, DistributedBlocks loaded, PrintStream out) {
    String trainName = config.get(TrainSettings.TRAIN);
    data.train = loaded;
    out.println("Training data: " + loaded.numExamples() + " samples of " + config.architecture().inputSize()
        + " features in " + loaded.numPartitions() + " partitions");
    DataLoader.reportSkipped(data.train, trainName, out);
    Standardization standardization = scalingOf(data.train, config, initial, checkpoints, timer, out);
    data.train = data.replace(data.train, DataLoader.standardized(data.train, standardization, config.precision()));
    DistributedBlocks values = data.train;
    // the fingerprint of the values trained on, before any of them are held out for validation
    DataFingerprint fingerprint = timer.time("fingerprint", () -> DataFingerprint.of(values));
    Double fraction = config.get(TrainSettings.VALIDATION_FRACTION);
    if (fraction != null) {
      holdOut(sc, config, data, fraction, out);
    }
    return new Run(config, initial, started, timer, checkpoints, standardization, fingerprint);
  }

  /**
   * {@code run} with the validation data {@code read} (cached in {@code data}), standardized as the training data
   * and fingerprinted with it; its bad rows and size said.
   */
  private static Run withValidation(Run run, Data data, DistributedBlocks read, String name, PrintStream out) {
    DataLoader.reportSkipped(read, name, out);
    data.validation = data.replace(read,
        DataLoader.standardized(read, run.standardization(), run.given().precision()));
    out.println("Validation data: " + data.validation.numExamples() + " samples from " + name);
    DistributedBlocks validation = data.validation;
    DataFingerprint fingerprint = run.fingerprint()
        .withValidation(run.timer().time("fingerprint", () -> DataFingerprint.of(validation)));
    return new Run(run.given(), run.initial(), run.started(), run.timer(), run.checkpoints(),
        run.standardization(), fingerprint);
  }

  /** The run's cached data sets: training (what is left of it after a validation split), test and validation. */
  private static final class Data {
    private final List<DistributedBlocks> cached = new ArrayList<>();
    private DistributedBlocks train;
    private DistributedBlocks test;
    private DistributedBlocks validation;

    DistributedBlocks cache(DistributedBlocks blocks) {
      cached.add(blocks);
      return blocks;
    }

    /** {@code derived}, cached in place of {@code from}, which made it and released its own blocks. */
    DistributedBlocks replace(DistributedBlocks from, DistributedBlocks derived) {
      if (derived != from) {
        cached.remove(from);
        cached.add(derived);
      }
      return derived;
    }

    void unpersist() {
      cached.forEach(DistributedBlocks::unpersist);
    }
  }

  /** Splits {@code --validation-fraction F} of the training data off as validation data, and says so. */
  private static void holdOut(JavaSparkContext sc, TrainingConfig config, Data data, double fraction,
      PrintStream out) {
    DistributedBlocks loaded = data.train;
    ValidationSplit split;
    try {
      split = new ValidationSplit(fraction, loaded.numExamples(), config.get(TrainSettings.SEED));
    } catch (IllegalArgumentException e) {
      throw TrainSettings.VALIDATION_FRACTION.named(e.getMessage(), e);
    }
    DistributedBlocks.Split parts = loaded.split(sc, split.heldOut());
    // the split released the loaded copy and owns what it was read from
    data.train = data.replace(loaded, parts.kept());
    data.validation = data.cache(parts.heldOut());
    out.println("Validation data: " + split.size() + " of the " + loaded.numExamples() + " training samples held "
        + "out (" + TrainSettings.VALIDATION_FRACTION.option() + " " + fraction + "), " + split.kept()
        + " trained on");
  }

  /**
   * What one run works with besides its data; {@code given} is its configuration as given, {@code standardization}
   * the statistics its data is standardized by (null unless {@code --scale standardize}), {@code fingerprint} its
   * training (and validation) data's.
   */
  private record Run(TrainingConfig given, Start initial, Instant started, PhaseTimer timer,
      TrainingCheckpoints checkpoints, Standardization standardization, DataFingerprint fingerprint) {}

  /**
   * What training made: the model, its result, metrics.json's content but the wall time, the metrics on the
   * training (and test) data, the test history and the learning rate, for the learning curve.
   */
  private record Outcome(SavedModel model, TrainingResult result, Map<String, Object> metrics, BinaryMetrics train,
      BinaryMetrics test, TestHistory testHistory, double learningRate) {}

  /**
   * The statistics of {@code --scale standardize}: the resumed checkpoint's, else the warm-start model's, else the
   * training data's (one pass over the float64 blocks as read); the constant features named in one line. With
   * {@code --scale none}, null after one line suggesting standardize if the features' ranges differ by more than
   * {@link #RANGE_RATIO_HINT}; null for a divisor.
   *
   * @throws IllegalArgumentException naming --scale if every feature is constant
   */
  private static Standardization scalingOf(DistributedBlocks train, TrainingConfig config, Start initial,
      TrainingCheckpoints checkpoints, PhaseTimer timer, PrintStream out) {
    FeatureScaling scaling = config.scaling();
    int n = config.architecture().inputSize();
    if (scaling.isNone()) {
      timer.time("load", () -> train.ranges(n)).standardizeHint(RANGE_RATIO_HINT).ifPresent(out::println);
    }
    if (!scaling.isStandardize()) {
      return null;
    }
    Standardization standardization = checkpoints.standardization(n)
        .or(() -> Optional.ofNullable(initial.standardization()))
        .orElseGet(() -> timer.time("standardize", () -> train.moments(n).standardization()));
    int[] constant = standardization.constantFeatures();
    if (constant.length == n) {
      throw TrainSettings.SCALE.named("expected at least one feature that varies to standardize, found all " + n
          + " features constant in the training data; use --scale none", null);
    }
    if (constant.length > 0) {
      out.println("Standardize: " + constant.length + " constant feature" + (constant.length == 1 ? "" : "s")
          + " (standard deviation 0) centred, not scaled: " + Arrays.toString(constant)
          + " (0-based feature indexes, the label not counted)");
    }
    return standardization;
  }

  /**
   * Gradient descent on the prepared data, then the evaluations and the model with its provenance: what both
   * paths share.
   *
   * @param config the configuration with the partitioning found, as recorded
   */
  private static Outcome trainOn(JavaSparkContext sc, TrainingConfig config, Run run, Data data,
      IterationListener listener, PrintStream out) {
    DistributedBlocks train = data.train;
    DistributedBlocks test = data.test;
    DistributedBlocks validation = data.validation;
    Configuration conf = sc.hadoopConfiguration();
    PhaseTimer timer = run.timer();
    TrainingCheckpoints checkpoints = run.checkpoints();
    Architecture architecture = config.architecture();
    int iterations = config.iterations();
    if (config.miniBatched() && config.get(TrainSettings.BATCH_SIZE) > train.numExamples()) {
      throw TrainSettings.BATCH_SIZE.named("expected at most the " + train.numExamples() + " samples trained on, "
          + "found " + config.get(TrainSettings.BATCH_SIZE), null);
    }
    MiniBatches batches = config.miniBatches(train.numExamples());
    UpdateRule rule = UpdateRule.of(UpdateRule.Kind.parse(config.get(TrainSettings.OPTIMIZER)),
        config.get(TrainSettings.BETA1), config.get(TrainSettings.BETA2), config.get(TrainSettings.EPSILON));
    GradientDescent descent = new GradientDescent(config.get(TrainSettings.LEARNING_RATE), iterations, rule, batches);
    ClassWeights weights = classWeights(config, train, out);
    DataFingerprint fingerprint = run.fingerprint();
    TrainingState start = checkpoints.start(config, fingerprint, run.standardization(), iterations,
        () -> run.initial().parameters().apply(conf), out);
    TrainingResult result;
    TimedGradientSource source;
    TestHistory testHistory;
    ValidationHistory validationHistory = null;
    EarlyStopping stopping = null;
    String engineName;
    try (TrainingEngine engine = TrainingEngine.start(sc, config, train, test, validation, batches, weights,
        start.iteration(), out)) {
      engineName = engine.name();
      double l2 = config.get(TrainSettings.L2);
      source = new TimedGradientSource(l2 > 0 ? new L2Regularized(engine, l2) : engine);
      testHistory = new TestHistory(test == null ? 0 : config.get(TrainSettings.EVAL_EVERY), iterations,
          parameters -> engine.testCounts(parameters, THRESHOLD));
      if (validation != null) {
        validationHistory = new ValidationHistory(parameters -> engine.validationCounts(parameters, THRESHOLD));
        stopping = new EarlyStopping(config.get(TrainSettings.EVAL_EVERY),
            config.get(TrainSettings.EARLY_STOPPING_PATIENCE), config.get(TrainSettings.EARLY_STOPPING_MIN_DELTA),
            validationHistory);
      }
      EarlyStopping checks = stopping;
      result = timer.time("train",
          () -> descent.run(source, start, listener.andThen(testHistory), checkpoints, checks));
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
    if (validation != null) {
      BinaryMetrics validationMetrics =
          timer.time("evaluate", () -> SparkEvaluator.evaluate(sc, validation, result.parameters(), THRESHOLD));
      metrics.put("validation", withBadRows(validationMetrics, validation.skippedRows()));
      metrics.put("validation_history", validationHistory.toJson());
      EarlyStoppingReport report =
          new EarlyStoppingReport(stopping, iterations, config.miniBatched() ? "epoch" : "iteration");
      metrics.put("early_stopping", report.toMap());
      out.println(report.line());
    }
    Map<String, Object> recorded = recordedConfig(config, weights);
    metrics.put("config", recorded);
    metrics.put("data_fingerprint", fingerprint.hex());
    metrics.put("resumed_from", checkpoints.resumedFrom());
    metrics.put("blas", Blas.implementationName());
    SavedModel model = new SavedModel(architecture, result.parameters(), config.scaling(), run.standardization(),
        recorded,
        new Provenance(Versions.sparkDnn(), Versions.java(), Versions.spark(), Instant.now().toString(),
            run.initial().label(), config.get(TrainSettings.SEED), config.get(TrainSettings.TRAIN),
            train.numExamples()));
    return new Outcome(model, result, metrics, trainMetrics, testMetrics, testHistory, descent.learningRate());
  }

  /** Writes the model, the learning curve and metrics.json into {@code target}, which then appears whole. */
  private static void write(JavaSparkContext sc, Outcome outcome, Run run, OutputDirectory target) {
    Configuration conf = sc.hadoopConfiguration();
    PhaseTimer timer = run.timer();
    Map<String, Object> metrics = new LinkedHashMap<>(outcome.metrics());
    try {
      timer.time("save", () -> {
        ModelStore.write(outcome.model(), target.staging(), conf);
        LearningCurvePlot.writePng(outcome.result().costs(), outcome.testHistory().points(),
            "Learning rate = " + outcome.learningRate(),
            new Path(target.staging(), TrainedModel.LEARNING_CURVE_FILE), conf);
        return null;
      });
      metrics.put("wall_time_seconds", timer.seconds());
      JsonFiles.writeAtomically(metrics, new Path(target.staging(), TrainedModel.METRICS_FILE), conf);
    } catch (UncheckedIOException e) {
      throw target.writeFailure(e);
    }
    target.commit();
  }

  /**
   * The class weights {@code --class-weight} asks for, null for {@code none}; {@code balanced} counts the training
   * labels in one job, {@code m / (2·m_c)}, and prints the weights.
   *
   * @throws IllegalArgumentException naming {@code --class-weight} if {@code balanced} finds a class without samples
   */
  private static ClassWeights classWeights(TrainingConfig config, DistributedBlocks train, PrintStream out) {
    String text = config.get(TrainSettings.CLASS_WEIGHT);
    if (ClassWeights.NONE.equals(text)) {
      return null;
    }
    if (!ClassWeights.BALANCED.equals(text)) {
      return ClassWeights.parse(text);
    }
    long positives = train.labelledOne();
    ClassWeights weights;
    try {
      weights = ClassWeights.balanced(train.numExamples() - positives, positives);
    } catch (IllegalArgumentException e) {
      throw TrainSettings.CLASS_WEIGHT.named("balanced: " + e.getMessage(), e);
    }
    out.println("Class weights (balanced): " + weights.negative() + " for label 0 (" + (train.numExamples()
        - positives) + " samples), " + weights.positive() + " for label 1 (" + positives + " samples)");
    return weights;
  }

  /**
   * The configuration model.json and metrics.json record: the settings, and with class weights the weights used,
   * {@code class_weights} [w0, w1] (what {@code balanced} came to).
   */
  private static Map<String, Object> recordedConfig(TrainingConfig config, ClassWeights weights) {
    Map<String, Object> json = new LinkedHashMap<>(config.toJson());
    if (weights != null) {
      json.put("class_weights", weights.toList());
    }
    return json;
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
