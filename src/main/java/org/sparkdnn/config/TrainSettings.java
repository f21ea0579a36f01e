package org.sparkdnn.config;

import java.util.ArrayList;
import java.util.List;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.eval.QualityGate;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.ClassWeights;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.model.Precision;
import org.sparkdnn.train.UpdateRule;

/**
 * The settings of {@code train} (and of {@code course}, which fixes most of them), in the order the recorded
 * configuration, {@code --help} and conf/spark-dnn.properties list them.
 */
public final class TrainSettings {
  private TrainSettings() {}

  /** The course run reproduced; set by {@code course} only, recorded first. */
  public static final Setting<String> COURSE_CASE =
      Setting.of("course-case", Kind.TEXT, "CASE", "The course run reproduced.").recorded("course_case");
  public static final Setting<String> TRAIN = Setting.of("train", Kind.TEXT, "PATH", "Training data: a file, "
      + "directory of part files or glob, on any Hadoop filesystem (CSV, .gz works; Parquet, ORC, JSON, LIBSVM; a "
      + "course .h5), or a table's db.name with format table.").required()
      .recorded("train").notCompared();
  public static final Setting<String> TEST = Setting.of("test", Kind.TEXT, "PATH",
      "Test data, same layout as train.").recorded("test").notCompared();
  public static final Setting<int[]> LAYERS = Setting.of("layers", Kind.INTS, "N", "Layer sizes n[0],...,n[L]: "
      + "input features, hidden units, 1 output unit (e.g. 12288,20,7,5,1).").required().recorded("layers")
      .checked(sizes -> Architecture.withHidden(sizes, Activation.RELU).sizes());
  /** Recorded as the activations of every layer, the defaults included. */
  public static final Setting<String[]> ACTIVATIONS = Setting.of("activations", Kind.TEXTS, "NAME", "One "
      + "activation per layer 1..L: sigmoid, tanh, relu, leaky_relu; the last is sigmoid. Default: relu hidden, "
      + "sigmoid output.").recorded("activations").checked(TrainSettings::activations);
  public static final Setting<Double> LEARNING_RATE = Setting.of("learning-rate", Kind.DOUBLE, "ALPHA",
      "Learning rate alpha > 0.").required().recorded("learning_rate").checked(TrainSettings::learningRate);
  public static final Setting<Double> L2 = Setting.of("l2", Kind.DOUBLE, "LAMBDA", "L2 regularization lambda >= 0: "
      + "the cost adds (lambda/2m)·Σ‖W[l]‖², each dW[l] adds (lambda/m)·W[l]; biases are not regularized.")
      .defaultValue("0").recorded("l2").checked(Checks.finiteNotNegative());
  public static final Setting<String> CLASS_WEIGHT = Setting.of("class-weight", Kind.TEXT, "none|balanced|W0,W1",
      "Loss weight of each class: none (all 1), balanced (m / (2·m_c), as scikit-learn's), or W0,W1 > 0; cost and "
          + "gradients divided by the sum of the weights.").defaultValue(ClassWeights.NONE).recorded("class_weight")
      .checked(ClassWeights::canonical);
  public static final Setting<String> OPTIMIZER = Setting.of("optimizer", Kind.TEXT, "gd|momentum|adam",
      "Update rule: gd (batch gradient descent), momentum or adam (course 2's equations, Adam bias-corrected).")
      .defaultValue("gd").recorded("optimizer").checked(text -> UpdateRule.Kind.parse(text).label());
  public static final Setting<Double> BETA1 = Setting.of("beta1", Kind.DOUBLE, "B1",
      "Momentum and adam: decay of the gradient's moving average, 0 <= beta1 < 1.").defaultValue("0.9")
      .recorded("beta1").checked(TrainSettings::decay);
  public static final Setting<Double> BETA2 = Setting.of("beta2", Kind.DOUBLE, "B2",
      "Adam: decay of the squared gradient's moving average, 0 <= beta2 < 1.").defaultValue("0.999")
      .recorded("beta2").checked(TrainSettings::decay);
  public static final Setting<Double> EPSILON = Setting.of("epsilon", Kind.DOUBLE, "EPS",
      "Adam: added to the root of the squared average, > 0.").defaultValue("1e-8").recorded("epsilon")
      .checked(TrainSettings::epsilon);
  /** Not compared on resume: a resumed run may go on for longer. Required unless {@link #BATCH_SIZE} is given. */
  public static final Setting<Integer> ITERATIONS = Setting.of("iterations", Kind.INT, "T",
      "Batch gradient-descent iterations >= 1; required without batch-size.").recorded("iterations").notCompared()
      .checked(TrainSettings::iterations);
  public static final Setting<Integer> BATCH_SIZE = Setting.of("batch-size", Kind.INT, "B", "Mini-batches of B "
      + "samples (course 2's random_mini_batches, a seeded permutation each epoch; the last batch smaller), one update "
      + "each; with epochs instead of iterations. 0: every sample in every update.").defaultValue("0")
      .recorded("batch_size").checked(Checks.atLeast(0, "0"));
  /** Not compared on resume, as {@link #ITERATIONS}. */
  public static final Setting<Integer> EPOCHS = Setting.of("epochs", Kind.INT, "E",
      "With batch-size: passes over the training data >= 1; required with batch-size.").recorded("epochs")
      .notCompared().checked(Checks.atLeast(1, "1"));
  public static final Setting<String> INIT = Setting.of("init", Kind.TEXT, "SCHEME",
      "Weight initialisation: zeros, course-small, course-deep, he, xavier.").defaultValue("he").recorded("init")
      .checked(text -> Initializer.parse(text).label());
  public static final Setting<Long> SEED = Setting.of("seed", Kind.LONG, "S",
      "Seed of numpy's legacy random stream, 0..4294967295.").defaultValue("1").recorded("seed");
  public static final Setting<String> INIT_FROM = Setting.of("init-from", Kind.TEXT, "PARAMS.json",
      "Start from parameters in the course's JSON shape instead of init.").recorded("init_from");
  public static final Setting<String> SCALE = Setting.of("scale", Kind.TEXT, "none|standardize|DIVISOR",
      "Feature scaling: none; standardize (each feature's training mean and population std, stored in the model; "
          + "a constant feature only centred); or a number every feature is divided by (255 for pixels).")
      .defaultValue("none")
      .recorded("scale").checked(text -> FeatureScaling.parse(text).toString());
  public static final Setting<String> PRECISION = Setting.of("precision", Kind.TEXT, "float64|float32",
      "Precision of the cached features and forward/backward passes: float64, or float32 (half the memory, "
          + "SGEMM).").defaultValue(Precision.DEFAULT_LABEL).recorded("precision")
      .checked(text -> Precision.parse(text).label());
  public static final Setting<String> WARM_START = Setting.of("warm-start", Kind.TEXT, "current|DIR",
      "Start from a trained model instead of init: current (publish-root's; init while none), a model dir or a "
          + "publish root.").recorded("warm_start");
  /** No default: without it the resident engine is chosen where it can run, the jobs engine otherwise. */
  public static final Setting<String> ENGINE = Setting.of("engine", Kind.TEXT, "resident|jobs", "resident: one "
      + "Spark stage whose tasks stay for the run; jobs: one Spark job per iteration. Default: resident where it "
      + "can run (else jobs, said why); given, resident or exit 2.").checked(TrainSettings::engine);
  public static final Setting<Long> TASK_TIMEOUT = Setting.of("task-timeout", Kind.LONG, "SECONDS",
      "Resident engine: seconds a task may take to answer one iteration before the run fails, naming it.")
      .defaultValue("600").checked(Checks.positive(" seconds"));
  /** {@link #EXCHANGE}'s values. */
  public static final String EXCHANGE_AUTO = "auto";
  public static final String EXCHANGE_NETWORK = "network";

  public static final Setting<Integer> EXCHANGE_PORT = Setting.of("exchange-port", Kind.INT, "PORT",
      "Resident engine: the driver's port its tasks connect to, for clusters that open fixed ports only; 0: any free "
          + "port.").defaultValue("0").checked(TrainSettings::port);
  public static final Setting<String> EXCHANGE = Setting.of("exchange", Kind.TEXT, "auto|network",
      "Resident engine: how tasks reach the driver. auto: tasks in the driver's JVM (local mode) share parameters "
          + "and sums with it in memory, others connect over the network; network: every task connects over the "
          + "network, as on a cluster.").defaultValue(EXCHANGE_AUTO).checked(TrainSettings::exchange);
  public static final Setting<Integer> PRINT_EVERY = Setting.of("print-every", Kind.INT, "K",
      "Print the cost every K iterations and at the last one; 0 prints none.").defaultValue("100")
      .checked(Checks.atLeast(0, "0"));
  public static final Setting<Integer> EVAL_EVERY = Setting.of("eval-every", Kind.INT, "K", "With test: the "
      + "test log-loss and accuracy after every K-th iteration (epoch, with batch-size) and at the end (metrics.json, "
      + "plot); with validation or validation-fraction, the early-stopping check too. 0: none.").defaultValue("100")
      .recorded("eval_every").checked(Checks.atLeast(0, "0"));
  /** Not compared on resume: the data fingerprint covers the validation data. */
  public static final Setting<String> VALIDATION = Setting.of("validation", Kind.TEXT, "PATH", "Early stopping on "
      + "this data (same layout as train): its log-loss checked every eval-every iterations; the model written is "
      + "the best checked.").recorded("validation").notCompared();
  public static final Setting<Double> VALIDATION_FRACTION = Setting.of("validation-fraction", Kind.DOUBLE, "F",
      "Early stopping on a seeded split of train instead: ceil(F·m) samples held out, 0 < F < 1.")
      .recorded("validation_fraction").checked(Checks.fraction());
  public static final Setting<Integer> EARLY_STOPPING_PATIENCE = Setting.of("early-stopping-patience", Kind.INT,
      "K", "Stop once K validation checks in a row improve on the best log-loss by no more than min-delta; K >= 1.")
      .defaultValue("10").recorded("early_stopping_patience").checked(Checks.atLeast(1, "1"));
  public static final Setting<Double> EARLY_STOPPING_MIN_DELTA = Setting.of("early-stopping-min-delta",
      Kind.DOUBLE, "D", "A validation check improves when its log-loss is below the best by more than D >= 0.")
      .defaultValue("1e-4").recorded("early_stopping_min_delta").checked(Checks.finiteNotNegative());
  public static final Setting<String> OUTPUT = Setting.of("output", Kind.TEXT, "DIR", "Directory to create with "
      + "the model and metrics.json. Exactly one of output and publish-root is required.");
  public static final Setting<Boolean> OVERWRITE = Setting.flag("overwrite", "Replace output if it exists.");
  public static final Setting<String> PUBLISH_ROOT = Setting.of("publish-root", Kind.TEXT, "ROOT", "Publish "
      + "instead of output: write ROOT/runs/RUN-ID with manifest.json, then point ROOT/current at it if the gate "
      + "accepts.");
  public static final Setting<String> GATE_METRIC = Setting.of("gate-metric", Kind.TEXT, "METRIC", "Quality gate "
      + "metric on the test data: accuracy, log-loss or auc. Needs test once a model is published.")
      .defaultValue("accuracy").checked(label -> QualityGate.Metric.parse(label).label());
  public static final Setting<Double> GATE_TOLERANCE = Setting.of("gate-tolerance", Kind.DOUBLE, "X", "Publish "
      + "only if the new model's gate metric is no worse than the current model's by more than this.")
      .defaultValue("0").checked(Checks.finiteNotNegative());
  public static final Setting<Long> PUBLISH_WAIT = Setting.of("publish-wait", Kind.LONG, "SECONDS",
      "Seconds to wait for another run's lock on publish-root before giving up with exit code 6.")
      .defaultValue("300").checked(Checks.notNegative(" seconds"));
  public static final Setting<String> CHECKPOINT_DIR = Setting.of("checkpoint-dir", Kind.TEXT, "DIR", "Checkpoint "
      + "directory on any Hadoop filesystem (newest 2 kept; removed once the model is written); empty: none.");
  public static final Setting<Integer> CHECKPOINT_EVERY = Setting.of("checkpoint-every", Kind.INT, "K",
      "With checkpoint-dir: a checkpoint every K iterations and after the last; K >= 1.").defaultValue("100")
      .checked(Checks.atLeast(1, "1"));
  public static final Setting<Boolean> RESUME = Setting.flag("resume", "Continue from the newest checkpoint in "
      + "checkpoint-dir (same options and data, or refused); none there: start at 0.");

  /** Every setting of {@code train}: its options, {@code --config} keys and recorded configuration. */
  public static final List<Setting<?>> TRAIN_COMMAND = List.of(TRAIN, TEST, LAYERS, ACTIVATIONS, LEARNING_RATE,
      L2, CLASS_WEIGHT, OPTIMIZER, BETA1, BETA2, EPSILON, ITERATIONS, BATCH_SIZE, EPOCHS, INIT, SEED, INIT_FROM, SCALE,
      DataSettings.FORMAT, DataSettings.LABEL_COL, DataSettings.FEATURES_COL, DataSettings.FEATURE_COLS,
      DataSettings.WEIGHT_COL, DataSettings.LABEL_COLUMN, DataSettings.HEADER, DataSettings.DELIMITER,
      DataSettings.ON_BAD_ROW, DataSettings.MAX_BAD_ROWS, PRECISION, WARM_START, DataSettings.PARTITIONS,
      DataSettings.BLOCK_SIZE, ENGINE, TASK_TIMEOUT, EXCHANGE_PORT, EXCHANGE, PRINT_EVERY, EVAL_EVERY, VALIDATION, VALIDATION_FRACTION, EARLY_STOPPING_PATIENCE,
      EARLY_STOPPING_MIN_DELTA, OUTPUT, OVERWRITE, PUBLISH_ROOT, GATE_METRIC, GATE_TOLERANCE, PUBLISH_WAIT,
      CHECKPOINT_DIR, CHECKPOINT_EVERY, RESUME, DataSettings.MASTER);

  /**
   * The settings of a {@code course} run: train's, with the case and without publishing, checkpoints and the
   * table inputs (its data is the course's CSV and HDF5).
   */
  public static final List<Setting<?>> COURSE_COMMAND = course();

  private static List<Setting<?>> course() {
    List<Setting<?>> settings = new ArrayList<>();
    settings.add(COURSE_CASE);
    for (Setting<?> setting : TRAIN_COMMAND) {
      if (!List.of(CLASS_WEIGHT, BATCH_SIZE, EPOCHS, VALIDATION, VALIDATION_FRACTION, EARLY_STOPPING_PATIENCE,
          EARLY_STOPPING_MIN_DELTA, WARM_START, PUBLISH_ROOT, GATE_METRIC, GATE_TOLERANCE, PUBLISH_WAIT, CHECKPOINT_DIR,
          CHECKPOINT_EVERY, RESUME, DataSettings.WEIGHT_COL).contains(setting)
          && !DataSettings.TABLES.contains(setting)) {
        settings.add(setting);
      }
    }
    return List.copyOf(settings);
  }

  /**
   * The settings of training on data already cached ({@code job.Trainer.fit}, the Spark ML estimator): train's,
   * without the files a command reads and writes besides its data (test data, a starting model, output, publishing,
   * checkpoints) and without the CSV layout, the table columns (the caller says them; {@code --weight-col} stays, a
   * param of the estimator) and the master; {@link #TRAIN}
   * and {@link #VALIDATION} name the data in messages and provenance.
   */
  public static final List<Setting<?>> IN_MEMORY = inMemory();

  private static List<Setting<?>> inMemory() {
    List<Setting<?>> excluded = List.of(TEST, INIT_FROM, WARM_START, DataSettings.LABEL_COLUMN, DataSettings.HEADER,
        DataSettings.DELIMITER, OUTPUT, OVERWRITE, PUBLISH_ROOT, GATE_METRIC, GATE_TOLERANCE, PUBLISH_WAIT,
        CHECKPOINT_DIR, CHECKPOINT_EVERY, RESUME, DataSettings.MASTER);
    return TRAIN_COMMAND.stream()
        .filter(setting -> !excluded.contains(setting) && !DataSettings.TABLES.contains(setting)).toList();
  }

  /** The engines {@link #ENGINE} names. */
  public static final List<String> ENGINES = List.of("resident", "jobs");

  private static String exchange(String name) {
    if (!EXCHANGE_AUTO.equals(name) && !EXCHANGE_NETWORK.equals(name)) {
      throw new IllegalArgumentException("expected auto or network, found '" + name + "'");
    }
    return name;
  }

  private static String engine(String name) {
    if (!ENGINES.contains(name)) {
      throw new IllegalArgumentException("expected resident or jobs, found '" + name + "'");
    }
    return name;
  }

  private static String[] activations(String[] names) {
    for (String name : names) {
      Activation.parse(name);
    }
    return names;
  }

  private static Integer port(Integer port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("expected a port from 0 (any free one) to 65535, found " + port);
    }
    return port;
  }

  private static Double decay(Double beta) {
    if (!(beta >= 0.0 && beta < 1.0)) {
      throw new IllegalArgumentException("expected a number in [0, 1), found " + beta);
    }
    return beta;
  }

  private static Double epsilon(Double epsilon) {
    if (!(epsilon > 0.0 && epsilon < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("expected a finite number > 0, found " + epsilon);
    }
    return epsilon;
  }

  private static Double learningRate(Double rate) {
    if (!(rate > 0.0 && rate < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("learning rate must be a positive finite number, found " + rate);
    }
    return rate;
  }

  private static Integer iterations(Integer iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be at least 1, found " + iterations);
    }
    return iterations;
  }

}
