package org.sparkdnn.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.hadoop.fs.Path;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.eval.BinaryMetrics;
import org.sparkdnn.io.CourseParametersJson;
import org.sparkdnn.io.OutputDirectory;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.CsvBlockReader;
import org.sparkdnn.spark.SparkContexts;
import org.sparkdnn.train.GradientDescent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code spark-dnn train}: batch gradient descent on Spark, then accuracy, the model and metrics.json. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Trains a fully-connected binary classifier with batch gradient descent on Spark.",
        "Prints 'Cost after iteration i: c' every --print-every iterations and the last one, then the train "
            + "(and test) accuracy; writes the model and metrics.json to --output, or publishes them in "
            + "--publish-root through the quality gate."})
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--train", required = true, paramLabel = "PATH",
      description = "Training CSV: a file, directory of part files or glob, on any Hadoop filesystem; .gz works. "
          + "Or the course's HDF5 file (.h5).")
  String trainPath;

  @Option(names = "--test", paramLabel = "PATH", description = "Test CSV or .h5 file, as --train.")
  String testPath;

  @Option(names = "--layers", required = true, split = ",", paramLabel = "N",
      description = "Layer sizes n[0],…,n[L]: input features, hidden units…, 1 (e.g. 12288,20,7,5,1).")
  int[] layers;

  @Option(names = "--activations", split = ",", paramLabel = "NAME",
      description = "One activation per layer 1..L: sigmoid, tanh, relu, leaky_relu; the last must be sigmoid "
          + "(default: relu for hidden layers, sigmoid for the output).")
  List<String> activations;

  @Option(names = "--learning-rate", required = true, paramLabel = "ALPHA", description = "Learning rate α > 0.")
  double learningRate;

  @Option(names = "--iterations", required = true, paramLabel = "T", description = "Gradient-descent iterations ≥ 1.")
  int iterations;

  @Option(names = "--init", paramLabel = "SCHEME", defaultValue = "he",
      description = "Weight initialisation: zeros, course-small (randn·0.01), course-deep (randn/√n[l-1]), he, "
          + "xavier (default: ${DEFAULT-VALUE}).")
  String init;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of numpy's legacy random stream, 0..4294967295 (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--init-from", paramLabel = "PARAMS.json",
      description = "Start from parameters in the course's {\"W1\": [[…]], \"b1\": [[…]], …} JSON shape "
          + "instead of --init.")
  String initFrom;

  @Option(names = "--scale", paramLabel = "DIVISOR", defaultValue = "none",
      description = "Feature scaling: 'none' or a number every feature is divided by, e.g. 255 "
          + "(default: ${DEFAULT-VALUE}).")
  String scale;

  @Option(names = "--precision", paramLabel = "float64|float32", defaultValue = Precision.DEFAULT_LABEL,
      description = "Precision of the cached features and the forward/backward passes: float64, or float32 for "
          + "half the memory and faster BLAS (parameters, sums and updates stay double) (default: ${DEFAULT-VALUE}).")
  String precision;

  @Option(names = "--print-every", paramLabel = "K", defaultValue = "100",
      description = "Print the cost every K iterations, and at the last one; 0 prints none "
          + "(default: ${DEFAULT-VALUE}).")
  int printEvery;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Directory to create with the model and metrics.json (or --publish-root).")
  String output;

  @Option(names = "--overwrite", description = "Replace --output if it exists.")
  boolean overwrite;

  @Option(names = ConfigFile.OPTION, paramLabel = "FILE",
      description = "Read options from this properties file (key = option name without --, e.g. "
          + "learning-rate = 0.0075; template: conf/spark-dnn.properties); the command line overrides it.")
  String config;

  @Mixin
  PublishOptions publish;

  @Mixin
  DataOptions data;

  @Mixin
  CheckpointOptions checkpoints;

  @Mixin
  EvalOptions eval;

  @Mixin
  SparkOptions spark;

  @ParentCommand
  SparkDnn parent;

  @Override
  public Integer call() {
    Architecture architecture = architecture();
    FeatureScaling scaling = option("--scale", () -> FeatureScaling.parse(scale));
    Initializer initializer = option("--init", () -> Initializer.parse(init));
    Precision passes = option("--precision", () -> Precision.parse(precision));
    option("--learning-rate", () -> new GradientDescent(learningRate, 1)); // the rate alone, to name it
    GradientDescent descent = option("--iterations", () -> new GradientDescent(learningRate, iterations));
    if (printEvery < 0) {
      throw new IllegalArgumentException("--print-every: expected 0 or more, found " + printEvery);
    }
    CsvFormat format = data.format();
    if (!format.hasLabel()) {
      throw new IllegalArgumentException("--label-column: training needs labels, found 'none'");
    }
    publish.check(output, overwrite, initFrom);
    CsvBlockReader reader = new CsvBlockReader(format, scaling, architecture.inputSize(),
        data.blockColumns(architecture.inputSize()), data.badRows());
    PrintStream out = System.out;
    try (SparkContexts session = parent.sparkContext("spark-dnn train", spark.master)) {
      Optional<SavedModel> warm =
          publish.warmStartModel(architecture, scaling, session.context().hadoopConfiguration(), out);
      TrainingJob.Spec spec = new TrainingJob.Spec(trainPath, testPath, architecture, reader, data.partitions,
          passes, descent,
          conf -> warm.isPresent() ? warm.get().parameters()
              : initFrom != null ? CourseParametersJson.read(new Path(initFrom), architecture, conf)
              : initializer.initialize(architecture, seed),
          warm.isPresent() ? "warm-start" : initFrom != null ? "init-from" : initializer.label(), seed,
          config(architecture, initializer, descent, reader, passes), checkpoints.settings(), eval.every());
      CostPrinter printer = new CostPrinter(out, printEvery, iterations, Double::toString, true, true);
      if (publish.publishing()) {
        return new PublishedTraining(publish, data, format).run(session.context(), spec, printer, out);
      }
      try (OutputDirectory target =
          OutputDirectory.prepare(new Path(output), overwrite, session.context().hadoopConfiguration())) {
        TrainingJob.Outcome outcome = TrainingJob.run(session.context(), spec, target, printer, out);
        printAccuracies(outcome, out);
        out.println("Model and metrics written to " + outcome.output());
      }
    }
    return ExitCodes.OK;
  }

  /** The train (and test) accuracy lines. */
  static void printAccuracies(TrainingJob.Outcome outcome, PrintStream out) {
    out.println("Train accuracy: " + accuracy(outcome.train()));
    if (outcome.test() != null) {
      out.println("Test accuracy: " + accuracy(outcome.test()));
    }
  }

  /** "0.9856459330143541 (206/209)". */
  private static String accuracy(BinaryMetrics metrics) {
    return metrics.accuracy() + " (" + metrics.correct() + "/" + metrics.m() + ")";
  }

  private Architecture architecture() {
    Architecture withDefaults = option("--layers", () -> Architecture.withHidden(layers, Activation.RELU));
    if (activations == null) {
      return withDefaults;
    }
    return option("--activations", () -> {
      List<Activation> parsed = new ArrayList<>();
      for (String name : activations) {
        parsed.add(Activation.parse(name));
      }
      return Architecture.of(layers, parsed);
    });
  }

  /** The value {@code parse} gives; its error is prefixed with the option it is about: "--scale: expected …". */
  private static <T> T option(String name, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  /** {@link RecordedConfig} and {@code warm_start}. */
  private Map<String, Object> config(Architecture architecture, Initializer initializer, GradientDescent descent,
      CsvBlockReader reader, Precision passes) {
    Map<String, Object> config = new LinkedHashMap<>(RecordedConfig.of(trainPath, testPath, architecture, descent,
        initializer.label(), seed, initFrom, reader, passes));
    config.put("warm_start", publish.warmStart);
    return config;
  }
}
