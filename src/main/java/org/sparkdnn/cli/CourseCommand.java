package org.sparkdnn.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleFunction;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.eval.BinaryMetrics;
import org.sparkdnn.io.OutputDirectory;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.CsvBlockReader;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SparkContexts;
import org.sparkdnn.spark.SparkEvaluator;
import org.sparkdnn.train.GradientDescent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code spark-dnn course CASE}: one of the course's runs with its published hyperparameters and initialisation,
 * printing costs and accuracies as that week's notebook prints them (then the exact counts).
 */
@Command(name = "course", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Reproduces a run of the course's programming assignments on its own data.",
        "CASE: week2-logistic, week3-planar, week3-baseline, week3-sweep, week4-two-layer, week4-deep."})
final class CourseCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CASE", description = "The course run to reproduce.")
  String caseName;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "data-samples",
      description = "Folder holding catvnoncat/ and planar/ (default: ${DEFAULT-VALUE}).")
  String dataDir;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Where to write the model, metrics.json and the learning curve (default: target/course/CASE, "
          + "replaced on every run).")
  String output;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
      description = "Partitions of the cached data; 0 = Spark's default parallelism (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--overwrite", description = "Replace --output if it exists.")
  boolean overwrite;

  @Mixin
  SparkOptions spark;

  @ParentCommand
  SparkDnn parent;

  @Override
  public Integer call() {
    CourseCase run = CourseCase.parse(caseName);
    String outputDir = output != null ? output : "target/course/" + run.label;
    boolean replace = overwrite || output == null;
    PrintStream out = System.out;
    try (SparkContexts session = parent.sparkContext("spark-dnn course " + run.label, spark.master)) {
      JavaSparkContext sc = session.context();
      if (run.style == CourseCase.Style.WEEK3_SWEEP) {
        for (int units : CourseCase.SWEEP_HIDDEN_UNITS) {
          Architecture architecture = run.withHiddenUnits(units);
          Result result = train(sc, run, architecture, outputDir + "/n_h-" + units, replace, out);
          out.println("Accuracy for " + units + " hidden units: " + percent(result.train()) + " %"
              + counts(result.train()));
        }
      } else {
        report(run, train(sc, run, run.architecture(), outputDir, replace, out), out);
      }
    }
    return ExitCodes.OK;
  }

  private record Result(BinaryMetrics train, BinaryMetrics test, boolean[] trainCorrect, boolean[] testCorrect) {}

  private Result train(JavaSparkContext sc, CourseCase run, Architecture architecture, String outputDir,
      boolean replace, PrintStream out) {
    FeatureScaling scaling = FeatureScaling.parse(run.scale);
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults(), scaling, architecture.inputSize(),
        CsvBlockReader.automaticBlockColumns(architecture.inputSize()));
    String train = dataDir + "/" + run.train;
    String test = run.test == null ? null : dataDir + "/" + run.test;
    GradientDescent descent = new GradientDescent(run.learningRate, run.iterations);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("course_case", run.label);
    config.putAll(RecordedConfig.of(train, test, architecture, descent, run.initializer.label(), run.seed, null,
        reader, Precision.FLOAT64));
    TrainingJob.Spec spec = new TrainingJob.Spec(train, test, architecture, reader, partitions, Precision.FLOAT64,
        descent, conf -> run.initializer.initialize(architecture, run.seed), run.initializer.label(), run.seed, config,
        TrainingCheckpoints.Settings.NONE, run.printEvery);
    DoubleFunction<String> costFormat = run.style == CourseCase.Style.WEEK4
        ? Double::toString : cost -> String.format(Locale.ROOT, "%f", cost);
    boolean printLast = run.style == CourseCase.Style.WEEK4;
    try (OutputDirectory target = OutputDirectory.prepare(new Path(outputDir), replace, sc.hadoopConfiguration())) {
      TrainingJob.Outcome outcome = TrainingJob.run(sc, spec, target,
          new CostPrinter(out, run.printEvery, run.iterations, costFormat, printLast, false), out);
      boolean[] trainCorrect = null;
      boolean[] testCorrect = null;
      if (run.style == CourseCase.Style.WEEK4) {
        trainCorrect = correctInOrder(sc, train, reader, outcome);
        testCorrect = correctInOrder(sc, test, reader, outcome);
      }
      return new Result(outcome.train(), outcome.test(), trainCorrect, testCorrect);
    }
  }

  private boolean[] correctInOrder(JavaSparkContext sc, String path, CsvBlockReader reader,
      TrainingJob.Outcome outcome) {
    DistributedBlocks blocks = DistributedBlocks.load(sc, path, reader, partitions, reader.blockColumns());
    try {
      return SparkEvaluator.correctInOrder(sc, blocks, outcome.result().parameters(), TrainingJob.THRESHOLD);
    } finally {
      blocks.unpersist();
    }
  }

  /** The accuracy lines of the week's notebook, each followed by the exact count. */
  private static void report(CourseCase run, Result result, PrintStream out) {
    switch (run.style) {
      case WEEK2 -> {
        // print("train accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100))
        out.println("train accuracy: " + week2Percent(result.train()) + " %" + counts(result.train()));
        out.println("test accuracy: " + week2Percent(result.test()) + " %" + counts(result.test()));
      }
      // print('Accuracy: %d' % float((np.dot(Y, predictions.T) + np.dot(1 - Y, 1 - predictions.T)) / float(Y.size) * 100) + '%')
      case WEEK3 -> out.println("Accuracy: " + (int) percent(result.train()) + "%" + counts(result.train()));
      case WEEK3_BASELINE -> out.println("Accuracy of logistic regression: " + (int) percent(result.train())
          + " % (percentage of correctly labelled datapoints)" + counts(result.train()));
      // print("Accuracy: " + str(np.sum((p == y) / m))), on the training set and then on the test set
      case WEEK4 -> {
        out.println("Accuracy: " + numpyAccuracy(result.trainCorrect()) + counts(result.train()));
        out.println("Accuracy: " + numpyAccuracy(result.testCorrect()) + counts(result.test()));
      }
      case WEEK3_SWEEP -> throw new IllegalStateException("the sweep reports per hidden size");
    }
  }

  private static double week2Percent(BinaryMetrics metrics) {
    return 100 - (double) (metrics.m() - metrics.correct()) / metrics.m() * 100;
  }

  private static double percent(BinaryMetrics metrics) {
    return (double) metrics.correct() / metrics.m() * 100;
  }

  private static double numpyAccuracy(boolean[] correct) {
    double[] terms = new double[correct.length];
    for (int i = 0; i < correct.length; i++) {
      terms[i] = (correct[i] ? 1.0 : 0.0) / correct.length;
    }
    return NumpySum.pairwise(terms);
  }

  private static String counts(BinaryMetrics metrics) {
    return "   (" + metrics.correct() + "/" + metrics.m() + " correct)";
  }
}
