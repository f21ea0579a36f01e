package org.sparkdnn.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.DoubleFunction;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.Setting;
import org.sparkdnn.config.SettingValues;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.eval.BinaryMetrics;
import org.sparkdnn.job.CostPrinter;
import org.sparkdnn.job.Evaluator;
import org.sparkdnn.job.TrainedModel;
import org.sparkdnn.job.Trainer;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.spark.SparkContexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spark-dnn course CASE}: one of the course's runs with its published hyperparameters and initialisation,
 * printing costs and accuracies as that week's notebook prints them (then the exact counts).
 */
@Command(name = "course", mixinStandardHelpOptions = true, sortOptions = false,
    modelTransformer = CourseCommand.Options.class,
    description = {"Reproduces a run of the course's programming assignments on its own data.",
        "CASE: week2-logistic, week3-planar, week3-baseline, week3-sweep, week4-two-layer, week4-deep."})
final class CourseCommand implements Callable<Integer> {
  /** The settings a course run takes from the command line. */
  private static final List<Setting<?>> OPTIONS =
      List.of(DataSettings.PARTITIONS, TrainSettings.ENGINE, TrainSettings.TASK_TIMEOUT,
      TrainSettings.EXCHANGE_PORT, TrainSettings.EXCHANGE, DataSettings.MASTER);

  /** Adds {@link #OPTIONS}. */
  static final class Options implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      return SettingOptions.add(spec, OPTIONS);
    }
  }

  @Parameters(index = "0", paramLabel = "CASE", description = "The course run to reproduce.")
  String caseName;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "data-samples",
      description = "Folder holding catvnoncat/ and planar/ (default: ${DEFAULT-VALUE}).")
  String dataDir;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Where to write the model, metrics.json and the learning curve (default: target/course/CASE, "
          + "replaced on every run).")
  String output;

  @Option(names = "--overwrite", description = "Replace --output if it exists.")
  boolean overwrite;

  @Spec
  CommandSpec spec;

  @ParentCommand
  SparkDnn parent;

  @Override
  public Integer call() {
    CourseCase run = CourseCase.parse(caseName);
    String outputDir = output != null ? output : "target/course/" + run.label;
    boolean replace = overwrite || output == null;
    PrintStream out = System.out;
    SettingValues options = SettingOptions.values(spec, OPTIONS);
    try (SparkContexts session =
        parent.sparkContext("spark-dnn course " + run.label, options.get(DataSettings.MASTER))) {
      JavaSparkContext sc = session.context();
      if (run.style == CourseCase.Style.WEEK3_SWEEP) {
        for (int units : CourseCase.SWEEP_HIDDEN_UNITS) {
          Architecture architecture = run.withHiddenUnits(units);
          Result result = train(sc, run, architecture, outputDir + "/n_h-" + units, replace, options, out);
          out.println("Accuracy for " + units + " hidden units: " + percent(result.train()) + " %"
              + counts(result.train()));
        }
      } else {
        report(run, train(sc, run, run.architecture(), outputDir, replace, options, out), out);
      }
    }
    return ExitCodes.OK;
  }

  private record Result(BinaryMetrics train, BinaryMetrics test, boolean[] trainCorrect, boolean[] testCorrect) {}

  private Result train(JavaSparkContext sc, CourseCase run, Architecture architecture, String outputDir,
      boolean replace, SettingValues options, PrintStream out) {
    TrainingConfig config = TrainingConfig.courseBuilder()
        .set(TrainSettings.COURSE_CASE, run.label)
        .set(TrainSettings.TRAIN, dataDir + "/" + run.train)
        .set(TrainSettings.TEST, run.test == null ? null : dataDir + "/" + run.test)
        .set(TrainSettings.LAYERS, architecture.sizes())
        .set(TrainSettings.ACTIVATIONS, architecture.activationsText().split(","))
        .set(TrainSettings.LEARNING_RATE, run.learningRate)
        .set(TrainSettings.ITERATIONS, run.iterations)
        .set(TrainSettings.INIT, run.initializer.label())
        .set(TrainSettings.SEED, run.seed)
        .set(TrainSettings.SCALE, run.scale)
        .set(TrainSettings.PRINT_EVERY, run.printEvery)
        .set(TrainSettings.EVAL_EVERY, run.printEvery)
        .set(DataSettings.PARTITIONS, options.get(DataSettings.PARTITIONS))
        .set(TrainSettings.ENGINE, options.get(TrainSettings.ENGINE))
        .set(TrainSettings.TASK_TIMEOUT, options.get(TrainSettings.TASK_TIMEOUT))
        .set(TrainSettings.EXCHANGE_PORT, options.get(TrainSettings.EXCHANGE_PORT))
        .set(TrainSettings.EXCHANGE, options.get(TrainSettings.EXCHANGE))
        .set(TrainSettings.OUTPUT, outputDir)
        .set(TrainSettings.OVERWRITE, replace)
        .build();
    DoubleFunction<String> costFormat = run.style == CourseCase.Style.WEEK4
        ? Double::toString : cost -> String.format(Locale.ROOT, "%f", cost);
    boolean printLast = run.style == CourseCase.Style.WEEK4;
    CostPrinter printer = new CostPrinter(out, run.printEvery, run.iterations, costFormat, printLast, false);
    TrainedModel trained = new Trainer(sc, out, printer).train(config);
    boolean[] trainCorrect = null;
    boolean[] testCorrect = null;
    if (run.style == CourseCase.Style.WEEK4) {
      org.sparkdnn.model.Parameters parameters = trained.result().parameters();
      trainCorrect = Evaluator.correctInOrder(sc, config, config.get(TrainSettings.TRAIN), parameters);
      testCorrect = Evaluator.correctInOrder(sc, config, config.get(TrainSettings.TEST), parameters);
    }
    return new Result(trained.train(), trained.test(), trainCorrect, testCorrect);
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
